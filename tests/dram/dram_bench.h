// Helpers for the DRAM model tests: load a shipped preset, build the timing model, and
// drive it from one or more blocking initiators ("closed loop": each issues its next
// transaction when the previous one completed, like a DMA engine with one outstanding
// request), always calling the initiator with the earliest local time first.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <systemc>

#include "vp/config/config.h"
#include "vp/memory/dram/dram_timing.h"
#include "vp/memory/dram/memory_timing_factory.h"

namespace dram_test {

inline std::string preset_path(const std::string& name) {
    return std::string(VP_SOURCE_DIR) + "/platforms/ddr/" + name + ".cfg";
}

inline const vp::ConfigSchema& schema() {
    static const vp::ConfigSchema s = [] {
        vp::ConfigSchema schema;
        vp::declare_memory_timing(schema, "ddr");
        return schema;
    }();
    return s;
}

using Overrides = std::vector<std::pair<std::string, std::string>>;

inline vp::Config preset_config(const std::string& name, const Overrides& sets = {}) {
    vp::Config c(schema());
    c.set("ddr.preset", preset_path(name), "test");
    c.set("ddr.timing", "dram", "test");
    for (const auto& [k, v] : sets) c.set("ddr." + k, v, "test");
    return c;
}

inline vp::DramParams params(const std::string& name, const Overrides& sets = {}) {
    return vp::DramParams::from_config(preset_config(name, sets), "ddr");
}

inline std::unique_ptr<vp::DramTiming> make_dram(const std::string& name, const Overrides& sets = {},
                                                 std::vector<std::string> ports = {"cpu", "hp0"}) {
    const vp::DramParams p = params(name, sets);
    return std::make_unique<vp::DramTiming>(p, vp::make_port_arbiter(p, "ddr", ports));
}

inline double ns(const sc_core::sc_time& t) { return t.to_seconds() * 1e9; }

// tCK as the model runs it (whole ps), in ns.
inline double tck_ns(const vp::DramParams& p) { return static_cast<double>(p.tck_ps) * 1e-3; }

struct Stream {
    unsigned port = 0;
    uint64_t next_address = 0;
    uint64_t bytes_per_transfer = 0;
    uint64_t stride = 0;                    // 0 = sequential (stride = bytes_per_transfer)
    sc_core::sc_time think = sc_core::SC_ZERO_TIME;  // idle time after each transfer
    sc_core::sc_time now = sc_core::SC_ZERO_TIME;
    uint64_t bytes_done = 0;
    sc_core::sc_time busy = sc_core::SC_ZERO_TIME;  // sum of its transfers' latencies
    // Transfers in flight: 1 = blocking (the next is issued when this one completes);
    // n = the next is issued when the one n back completed (an AXI master with n
    // outstanding reads, as a DMA engine streaming).
    unsigned outstanding = 1;
    std::array<sc_core::sc_time, 8> done{};  // completion times of the last transfers
    unsigned issued = 0;
};

// Runs the streams until simulated time `until`; returns nothing, fills the streams.
inline void run_streams(vp::MemoryTimingPolicy& mem, std::vector<Stream>& streams, bool is_write,
                        const sc_core::sc_time& until) {
    for (;;) {
        Stream* next = nullptr;
        for (Stream& s : streams)
            if (!next || s.now < next->now) next = &s;
        if (next->now >= until) return;
        const sc_core::sc_time d =
            mem.access(next->port, is_write, next->next_address, next->bytes_per_transfer, next->now);
        const unsigned k = next->outstanding;
        next->done[next->issued % k] = next->now + d;
        ++next->issued;
        // The next goes when the transfer k back has completed (k = 1: this one); the
        // first k go at once.
        if (next->issued >= k) next->now = next->done[next->issued % k] + next->think;
        next->busy += d;
        next->bytes_done += next->bytes_per_transfer;
        next->next_address += next->stride ? next->stride : next->bytes_per_transfer;
    }
}

// Bytes over the time until the last transfer completed.
inline double bytes_per_s(const Stream& s) {
    sc_core::sc_time end = sc_core::SC_ZERO_TIME;
    for (unsigned i = 0; i < s.outstanding; ++i) end = std::max(end, s.done[i]);
    return static_cast<double>(s.bytes_done) / end.to_seconds();
}

}  // namespace dram_test
