#include "vp/interconnect/timing_policy.h"

#include <algorithm>

#include "vp/config/config.h"
#include "vp/interconnect/contention_timing.h"

namespace vp {

sc_core::sc_time FixedLatencyTiming::forward(Transfer& t, const sc_core::sc_time& arrival) {
    const PortTiming& in = *t.initiator_port;
    const PortTiming& out = *t.target_port;
    const sc_core::sc_time data = std::max(in.cycles(t.initiator_side.beats),
                                           out.cycles(t.target_side.beats));
    const sc_core::sc_time address =
        in.latency + out.latency;
    if (t.breakdown) {
        t.breakdown->add(out.labels.address.c_str(), address);
        t.breakdown->add(out.labels.data.c_str(), data);
    }
    t.data_start = arrival + address;
    t.data_end = t.data_start + data;
    return address + data;
}

std::vector<std::string> timing_policy_names() { return {"fixed", "contention"}; }

std::unique_ptr<TimingPolicy> make_timing_policy(const std::string& name,
                                                 const std::string& arbitration,
                                                 const std::string& priority_order) {
    if (name == "fixed") return std::make_unique<FixedLatencyTiming>();
    if (name == "contention")
        return std::make_unique<ContentionTiming>(make_arbitration_policy(arbitration, priority_order));
    std::string choices;
    for (const std::string& n : timing_policy_names()) choices += (choices.empty() ? "" : ", ") + n;
    throw ConfigError("unknown interconnect timing policy '" + name + "', expected one of: " + choices);
}

}  // namespace vp
