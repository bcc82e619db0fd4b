#include "vp/interconnect/timing_policy.h"

#include <algorithm>

#include "vp/config/config.h"

namespace vp {

sc_core::sc_time FixedLatencyTiming::forward(const Transfer& t, const sc_core::sc_time&) {
    const PortTiming& in = *t.initiator_port;
    const PortTiming& out = *t.target_port;
    const sc_core::sc_time data = std::max(in.cycles(t.initiator_side.beats),
                                           out.cycles(t.target_side.beats));
    return in.cycles(in.params.latency_cycles) + out.cycles(out.params.latency_cycles) + data;
}

std::vector<std::string> timing_policy_names() { return {"fixed"}; }

std::unique_ptr<TimingPolicy> make_timing_policy(const std::string& name) {
    if (name == "fixed") return std::make_unique<FixedLatencyTiming>();
    std::string choices;
    for (const std::string& n : timing_policy_names()) choices += (choices.empty() ? "" : ", ") + n;
    throw ConfigError("unknown interconnect timing policy '" + name + "', expected one of: " + choices);
}

}  // namespace vp
