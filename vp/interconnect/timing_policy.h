// How long a transaction spends in the interconnect: a small interface, so the timing
// model (fixed latencies, or contention with arbitration and outstanding limits) is
// replaced without touching decode, routing, DMI or counters. Chosen by name
// (InterconnectParams::timing: "fixed" | "contention") or injected with
// AxiInterconnect::set_timing_policy.
//
// Loosely timed: nothing here calls wait(). `arrival` is the transaction's local time
// (sc_time_stamp() + the initiator's annotated delay), which is what a busy-until
// resource compares against. A policy that records a breakdown (Transfer::breakdown not
// null) appends parts that sum exactly to the delays it returns.
// Times are TimeUnits (time_ps.h: sc_time::value(), exact integers; the interconnect
// builds the sc_time it hands back once per transaction).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <systemc>

#include "vp/common/time_ps.h"
#include "vp/interconnect/axi_extension.h"
#include "vp/interconnect/burst_math.h"
#include "vp/interconnect/port_params.h"

namespace vp {

// Breakdown labels of one port (LatencyBreakdown keeps const char*: these strings live
// as long as the port).
struct PortLabels {
    std::string outstanding;   // "<ic>.<port>.outstanding": waited for a free slot
    std::string arbitration;   // "<ic>.<port>.arbitration": waited for the data channel
    std::string address;       // "<ic>.<port>.address": latency_cycles (arbitration + address)
    std::string data;          // "<ic>.<port>.data": data beats not hidden behind the target's
    std::string target;        // "<ic>.<port>.target": target time it did not itemise
};

// One port's parameters plus what timing needs precomputed.
struct PortTiming {
    const PortParams params;
    PortLabels labels;
    TimeUnits latency_units;  // latency_cycles of this port's clock (precomputed: hot)

    explicit PortTiming(const PortParams& p, const std::string& owner = "ic")
        : params(p),
          labels{owner + "." + p.name + ".outstanding", owner + "." + p.name + ".arbitration",
                 owner + "." + p.name + ".address", owner + "." + p.name + ".data",
                 owner + "." + p.name + ".target"},
          units_per_cycle_(1.0 / (p.clock_hz * sc_core::sc_get_time_resolution().to_seconds())) {
        latency_units = cycles_units(p.latency_cycles);
    }
    // n cycles of this port's clock, rounded once to the time resolution (not n x a
    // rounded period: 667 MHz is 1499.25 ps). Cheap: no sc_time unit conversion, and
    // signed conversions (one instruction each; the same values below 2^63).
    TimeUnits cycles_units(uint64_t n) const {
        return static_cast<TimeUnits>(static_cast<int64_t>(
            static_cast<double>(static_cast<int64_t>(n)) * units_per_cycle_ + 0.5));
    }

private:
    double units_per_cycle_;  // time resolution units per cycle
};

// One transaction crossing the interconnect, as the policy sees it.
struct Transfer {
    Transfer(unsigned initiator_index, unsigned target_index, bool write, uint64_t transfer_bytes,
             const BurstCount& on_initiator, const BurstCount& on_target,
             const PortTiming& initiator_timing, const PortTiming& target_timing, uint8_t axqos,
             LatencyBreakdown* parts)
        : initiator(initiator_index), target(target_index), is_write(write),
          bytes(transfer_bytes), initiator_side(on_initiator), target_side(on_target),
          initiator_port(&initiator_timing), target_port(&target_timing), qos(axqos),
          breakdown(parts) {}

    unsigned initiator = 0;          // port indices
    unsigned target = 0;
    bool is_write = false;
    uint64_t bytes = 0;
    BurstCount initiator_side;       // beats/bursts at the initiator port's width and limit
    BurstCount target_side;          // ... at the target port's
    const PortTiming* initiator_port = nullptr;
    const PortTiming* target_port = nullptr;
    uint8_t qos = 0;                 // AxQOS (0 without an AxiExtension)
    LatencyBreakdown* breakdown = nullptr;  // append parts here when not null
    // Set by the interconnect before backward(): the target's own data phase, as it
    // reported it (AxiExtension::target_data_time; zero = not reported).
    TimeUnits target_data_time = 0;

    // ---- filled by the policy, for counters and time series
    TimeUnits wait = 0;        // contention + outstanding waits
    TimeUnits data_start = 0;  // the path's data phase, local times
    TimeUnits data_end = 0;

    // ---- the policy's own state between forward() and backward()
    TimeUnits request_at = 0;                     // when the target sees the request
    unsigned initiator_slot = 0, target_slot = 0;  // outstanding-limit slots held
    void* policy_state = nullptr;                 // e.g. the contention policy's path
};

// Appends a part to a breakdown (the breakdown keeps sc_time: it is off the hot path).
inline void add_part(LatencyBreakdown& breakdown, const char* label, TimeUnits time) {
    if (time) breakdown.add(label, sc_core::sc_time::from_value(time));
}

class TimingPolicy {
public:
    virtual ~TimingPolicy() = default;
    virtual const char* name() const = 0;
    // Called once the ports are known (end of elaboration), for policies that keep state
    // per port (busy-until times, arbiters).
    virtual void configure(const std::vector<const PortTiming*>& /*initiators*/,
                           const std::vector<const PortTiming*>& /*targets*/) {}
    // Delay added before the target sees the transaction.
    virtual TimeUnits forward(Transfer& t, TimeUnits arrival) = 0;
    // Delay added after the target answered (its answer's local time is `target_done`).
    virtual TimeUnits backward(Transfer& /*t*/, TimeUnits /*target_done*/) { return 0; }
    // Delay of a transaction that decoded to no target (AXI DECERR from the default slave).
    virtual TimeUnits decode_error(const PortTiming& initiator_port, TimeUnits /*arrival*/) {
        return initiator_port.latency_units;
    }
};

// Issue 3's model: no contention. Before the target:
//   initiator latency_cycles (its clock) + target latency_cycles (its clock)
//   + the data time of the slowest port on the path: max over both ports of beats x period.
// Limits: two transactions at the same time on one port do not delay each other (no
// busy-until, no arbitration), and the interconnect's data time is added to the target's
// own, not overlapped with it: a long transfer through a port slower than the memory pays
// both data times, an overestimate of up to the smaller of the two (see the report).
class FixedLatencyTiming final : public TimingPolicy {
public:
    const char* name() const override { return "fixed"; }
    TimeUnits forward(Transfer& t, TimeUnits arrival) override;
};

// "fixed" -> FixedLatencyTiming, "contention" -> ContentionTiming (contention_timing.h)
// with the arbitration policy named by `arbitration` (arbitration_policy.h; fixed ignores
// it); throws ConfigError naming the choices otherwise.
std::unique_ptr<TimingPolicy> make_timing_policy(const std::string& name,
                                                 const std::string& arbitration = "round_robin",
                                                 const std::string& priority_order = "");
// Names make_timing_policy accepts (for the config schema's choices).
std::vector<std::string> timing_policy_names();

}  // namespace vp
