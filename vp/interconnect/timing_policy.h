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
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <systemc>

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
    sc_core::sc_time latency;  // latency_cycles of this port's clock (precomputed: hot)

    explicit PortTiming(const PortParams& p, const std::string& owner = "ic")
        : params(p),
          labels{owner + "." + p.name + ".outstanding", owner + "." + p.name + ".arbitration",
                 owner + "." + p.name + ".address", owner + "." + p.name + ".data",
                 owner + "." + p.name + ".target"},
          units_per_cycle_(1.0 / (p.clock_hz * sc_core::sc_get_time_resolution().to_seconds())) {
        latency = cycles(p.latency_cycles);
    }
    // n cycles of this port's clock, rounded once to the time resolution (not n x a
    // rounded period: 667 MHz is 1499.25 ps). Cheap: no sc_time unit conversion.
    sc_core::sc_time cycles(uint64_t n) const {
        return sc_core::sc_time::from_value(
            static_cast<sc_core::sc_time::value_type>(static_cast<double>(n) * units_per_cycle_ + 0.5));
    }

private:
    double units_per_cycle_;  // time resolution units per cycle
};

// One transaction crossing the interconnect, as the policy sees it.
struct Transfer {
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
    sc_core::sc_time target_data_time = sc_core::SC_ZERO_TIME;

    // ---- filled by the policy, for counters and time series
    sc_core::sc_time wait = sc_core::SC_ZERO_TIME;        // contention + outstanding waits
    sc_core::sc_time data_start = sc_core::SC_ZERO_TIME;  // the path's data phase, local times
    sc_core::sc_time data_end = sc_core::SC_ZERO_TIME;

    // ---- the policy's own state between forward() and backward()
    sc_core::sc_time request_at = sc_core::SC_ZERO_TIME;  // when the target sees the request
    unsigned initiator_slot = 0, target_slot = 0;         // outstanding-limit slots held
};

class TimingPolicy {
public:
    virtual ~TimingPolicy() = default;
    virtual const char* name() const = 0;
    // Called once the ports are known (end of elaboration), for policies that keep state
    // per port (busy-until times, arbiters).
    virtual void configure(const std::vector<const PortTiming*>& /*initiators*/,
                           const std::vector<const PortTiming*>& /*targets*/) {}
    // Delay added before the target sees the transaction.
    virtual sc_core::sc_time forward(Transfer& t, const sc_core::sc_time& arrival) = 0;
    // Delay added after the target answered (its answer's local time is `target_done`).
    virtual sc_core::sc_time backward(Transfer& /*t*/, const sc_core::sc_time& /*target_done*/) {
        return sc_core::SC_ZERO_TIME;
    }
    // Delay of a transaction that decoded to no target (AXI DECERR from the default slave).
    virtual sc_core::sc_time decode_error(const PortTiming& initiator_port,
                                          const sc_core::sc_time& /*arrival*/) {
        return initiator_port.cycles(initiator_port.params.latency_cycles);
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
    sc_core::sc_time forward(Transfer& t, const sc_core::sc_time& arrival) override;
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
