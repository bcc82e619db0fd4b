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
    ranks_.assign(initiators.size() * kArbitrationRanks, 0);
    for (unsigned i = 0; i < initiators.size(); ++i)
        for (unsigned q = 0; q < kArbitrationRanks; ++q)
            ranks_[i * kArbitrationRanks + q] =
                static_cast<uint8_t>(arbitration_->rank(i, static_cast<uint8_t>(q)));
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
