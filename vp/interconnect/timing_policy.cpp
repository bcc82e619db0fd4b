#include "vp/interconnect/timing_policy.h"

#include <algorithm>

#include "vp/config/config.h"
#include "vp/interconnect/contention_timing.h"

namespace vp {

TimeUnits FixedLatencyTiming::forward(Transfer& t, TimeUnits arrival) {
    const PortTiming& in = *t.initiator_port;
    const PortTiming& out = *t.target_port;
    const TimeUnits data = std::max(in.cycles_units(t.initiator_side.beats),
                                    out.cycles_units(t.target_side.beats));
    const TimeUnits address = in.latency_units + out.latency_units;
    if (t.breakdown) {
        add_part(*t.breakdown, out.labels.address.c_str(), address);
        add_part(*t.breakdown, out.labels.data.c_str(), data);
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
