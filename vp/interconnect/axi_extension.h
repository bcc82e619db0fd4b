// AXI attributes that travel with a transaction (a TLM ignorable extension): who issued
// it, ID, burst type and size, cache/prot bits, QoS; and an optional per-transaction
// latency breakdown that every hop appends to, so the parts sum to the delay the
// initiator sees ("queue 12 ns + tRCD 14 ns + CL 14 ns + burst 8 ns").
//
// Initiators attach one (reused, no allocation per transaction); components that find
// none use defaults (INCR bursts of the port's width, QoS 0, no breakdown).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include <systemc>
#include <tlm>

namespace vp {

class LatencyBreakdown {
public:
    static constexpr unsigned kMaxParts = 24;
    struct Part {
        const char* label;        // a string literal, e.g. "hp.arbitration", "ddr.tRCD"
        sc_core::sc_time time;
    };

    void clear() { count_ = 0; }
    void add(const char* label, const sc_core::sc_time& time) {
        if (time == sc_core::SC_ZERO_TIME) return;
        if (count_ < kMaxParts) parts_[count_++] = {label, time};
        else parts_[kMaxParts - 1].time += time;  // never lose time: fold into the last
    }
    unsigned size() const { return count_; }
    const Part& operator[](unsigned i) const { return parts_[i]; }
    sc_core::sc_time total() const {
        sc_core::sc_time t = sc_core::SC_ZERO_TIME;
        for (unsigned i = 0; i < count_; ++i) t += parts_[i].time;
        return t;
    }
    std::string to_string() const;

private:
    std::array<Part, kMaxParts> parts_{};
    unsigned count_ = 0;
};

struct AxiExtension : tlm::tlm_extension<AxiExtension> {
    enum class Burst : uint8_t { Fixed, Incr, Wrap };

    // ---- set by the initiator (once, in its constructor, unless they vary)
    const char* initiator = "";   // name for logs and traces
    uint32_t id = 0;              // AXI ID
    Burst burst = Burst::Incr;
    uint8_t size_bytes = 0;       // bytes per beat the initiator issues, AxSIZE (0 = port width)
    uint16_t burst_beats = 0;     // longest burst the initiator issues, AxLEN + 1 (0 = port limit)
    uint8_t cache = 0;            // AxCACHE
    uint8_t prot = 0;             // AxPROT
    uint8_t qos = 0;              // AxQOS, 0..15 (the "qos" arbitration policy: higher first)
    bool record_breakdown = false;

    // ---- filled on the way (the outermost interconnect resets them on entry)
    LatencyBreakdown breakdown;
    // A target that models a data phase (a memory) reports here how long its data took
    // from first beat to last, so that an interconnect on the path overlaps its own data
    // beats with the target's (a pipelined path) instead of adding them. An interconnect
    // reports its own data phase the same way to the interconnect before it.
    // SC_ZERO_TIME = not reported: the interconnect then assumes the first beat was ready
    // when the request reached the target (optimistic by at most the target's latency).
    sc_core::sc_time target_data_time = sc_core::SC_ZERO_TIME;
    uint8_t hops_in_flight = 0;   // interconnects the transaction is inside (nesting depth)

    tlm::tlm_extension_base* clone() const override { return new AxiExtension(*this); }
    void copy_from(const tlm::tlm_extension_base& other) override {
        *this = static_cast<const AxiExtension&>(other);
    }
};

// Gives an initiator's reused payload its AxiExtension, once, when the initiator is built
// (no allocation per transaction). The payload owns it: a payload without a memory
// manager frees its extensions in its destructor. Returns it for the initiator to fill.
inline AxiExtension& attach_axi_extension(tlm::tlm_generic_payload& trans, const char* initiator,
                                          uint32_t id) {
    auto* ext = new AxiExtension;
    ext->initiator = initiator;
    ext->id = id;
    if (tlm::tlm_extension_base* previous = trans.set_extension(ext)) previous->free();
    return *ext;
}

// The breakdown of a transaction, or nullptr when it has no extension or none is wanted.
inline LatencyBreakdown* breakdown_of(tlm::tlm_generic_payload& trans) {
    AxiExtension* ext = trans.get_extension<AxiExtension>();
    return ext && ext->record_breakdown ? &ext->breakdown : nullptr;
}

}  // namespace vp
