#include "vp/interconnect/contention_timing.h"

#include <algorithm>

namespace vp {

ContentionTiming::ContentionTiming(std::unique_ptr<ArbitrationPolicy> arbitration)
    : arbitration_(std::move(arbitration)) {}

void ContentionTiming::configure(const std::vector<const PortTiming*>& initiators,
                                 const std::vector<const PortTiming*>& targets) {
    std::vector<std::string> names;
    initiators_.clear();
    targets_.clear();
    for (const PortTiming* p : initiators) {
        initiators_.emplace_back(p->params);
        names.push_back(p->params.name);
    }
    for (const PortTiming* p : targets) targets_.emplace_back(p->params);
    arbitration_->configure(names);
    constexpr unsigned kQosValues = 256;  // Transfer::qos is a uint8_t
    ranks_.assign(initiators.size() * kQosValues, 0);
    for (unsigned i = 0; i < initiators.size(); ++i)
        for (unsigned q = 0; q < kQosValues; ++q)
            ranks_[i * kQosValues + q] =
                static_cast<uint8_t>(arbitration_->rank(i, static_cast<uint8_t>(q)));
    // After every port's state is in place (the vectors do not move again).
    target_count_ = static_cast<unsigned>(targets.size());
    paths_.clear();
    for (unsigned i = 0; i < initiators.size(); ++i)
        for (unsigned j = 0; j < targets.size(); ++j)
            for (const bool is_write : {false, true}) {
                PortState& in = initiators_[i];
                PortState& out = targets_[j];
                OutstandingLimiter& in_limit = in.limit(is_write);
                OutstandingLimiter& out_limit = out.limit(is_write);
                paths_.push_back({in_limit.limited() ? &in_limit : nullptr,
                                  out_limit.limited() ? &out_limit : nullptr, &in.channel(is_write),
                                  &out.channel(is_write),
                                  initiators[i]->latency_units + targets[j]->latency_units,
                                  &ranks_[i * kQosValues], 0, 0, 0});
            }
}

void ContentionTiming::explain_forward(LatencyBreakdown& breakdown, const PortTiming& in,
                                       const PortTiming& out, TimeUnits initiator_outstanding,
                                       TimeUnits target_outstanding, TimeUnits address) {
    add_part(breakdown, in.labels.outstanding.c_str(), initiator_outstanding);
    add_part(breakdown, out.labels.outstanding.c_str(), target_outstanding);
    add_part(breakdown, out.labels.address.c_str(), address);
}

void ContentionTiming::explain_backward(LatencyBreakdown& breakdown, const PortTiming& out,
                                        TimeUnits arbitration, TimeUnits data) {
    add_part(breakdown, out.labels.arbitration.c_str(), arbitration);
    add_part(breakdown, out.labels.data.c_str(), data);
}

}  // namespace vp
