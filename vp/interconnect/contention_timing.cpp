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
}

sc_core::sc_time ContentionTiming::forward(Transfer& t, const sc_core::sc_time& arrival) {
    const PortTiming& in = *t.initiator_port;
    const PortTiming& out = *t.target_port;
    const sc_core::sc_time after_in =
        initiators_[t.initiator].limit(t.is_write).acquire(arrival, &t.initiator_slot);
    const sc_core::sc_time after_out =
        targets_[t.target].limit(t.is_write).acquire(after_in, &t.target_slot);
    const sc_core::sc_time address =
        in.latency + out.latency;
    if (t.breakdown) {
        t.breakdown->add(in.labels.outstanding.c_str(), after_in - arrival);
        t.breakdown->add(out.labels.outstanding.c_str(), after_out - after_in);
        t.breakdown->add(out.labels.address.c_str(), address);
    }
    t.wait = after_out - arrival;
    t.request_at = after_out + address;
    return t.request_at - arrival;
}

sc_core::sc_time ContentionTiming::backward(Transfer& t, const sc_core::sc_time& done) {
    const PortTiming& in = *t.initiator_port;
    const PortTiming& out = *t.target_port;
    PortState& is = initiators_[t.initiator];
    PortState& ts = targets_[t.target];

    const sc_core::sc_time in_data = in.cycles(t.initiator_side.beats);
    const sc_core::sc_time out_data = out.cycles(t.target_side.beats);
    const sc_core::sc_time data = std::max(in_data, out_data);

    // When the target's first beat was ready: as it reported, or else assume its data
    // took as long as the port's (ending at `done`), but not before the request.
    const sc_core::sc_time target_data =
        t.target_data_time != sc_core::SC_ZERO_TIME ? t.target_data_time : data;
    sc_core::sc_time first_beat = t.request_at;
    if (done > target_data && done - target_data > first_beat) first_beat = done - target_data;
    if (first_beat > done) first_beat = done;  // a target that answers instantly

    const unsigned rank = arbitration_->rank(t.initiator, t.qos);
    sc_core::sc_time start = ts.channel(t.is_write).start(rank, first_beat);
    start = is.channel(t.is_write).start(0, start);  // one master per initiator port: one rank
    // The last beat crosses in the cycle the target delivers it (the crossing's fixed
    // cost is latency_cycles): the path ends with the target or with the port's beats.
    const sc_core::sc_time end = std::max(done, start + data);
    ts.channel(t.is_write).book(rank, start, end);
    is.channel(t.is_write).book(0, start, end);
    is.limit(t.is_write).release(t.initiator_slot, end);
    ts.limit(t.is_write).release(t.target_slot, end);

    const sc_core::sc_time extra = end - done;
    const sc_core::sc_time waited = std::min(start - first_beat, extra);  // not hidden by the target
    if (t.breakdown) {
        t.breakdown->add(out.labels.arbitration.c_str(), waited);
        t.breakdown->add(out.labels.data.c_str(), extra - waited);
    }
    t.wait += waited;
    t.data_start = start;
    t.data_end = end;
    return extra;
}

}  // namespace vp
