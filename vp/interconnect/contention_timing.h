// The "contention" timing policy: every port's read and write data channels are shared
// resources (ranked_channel.h), every port may limit its outstanding transactions
// (outstanding_limiter.h), and the path's data phase overlaps the target's own data
// phase instead of adding to it (a pipelined path).
//
// A transaction arriving at local time a, from initiator port I to target port T:
//   forward (before the target):
//     s   = when I's and then T's outstanding limits have a free slot for it (>= a);
//           "<ic>.<I>.outstanding" / "<ic>.<T>.outstanding" = the waits
//     req = s + I.latency_cycles + T.latency_cycles (arbitration and address phase, each
//           at its port's clock);                   "<ic>.<T>.address"
//   the target answers at `done`; it may report its own data phase D_t
//   (AxiExtension::target_data_time), so its first beat was ready at done - D_t
//   (otherwise D_t is taken as the path's D below: for a target faster than the port
//   that is optimistic by at most the target's latency to first data);
//   backward (after the target):
//     D   = the path's data time: the slowest of I and T, beats x period at each port's
//           width, clock and burst rules ("its data phase cannot be shorter than the
//           slowest port on its path");
//     x   = when T's channel (in the arbitration policy's order) and I's channel are free,
//           not before the first beat;
//     end = max(done, x + D): the path ends with the target's last beat (its crossing
//           is in latency_cycles) or with the port's beats, which cannot take less than D;
//     the time after `done` is split into "<ic>.<T>.arbitration" (up to x - first beat:
//     the channel was busy) and "<ic>.<T>.data" (the port was slower than the target).
//   Both channels are booked [x, end); the slots are held until `end`; the interconnect
//   reports end - x upstream as its data phase (AxiExtension::target_data_time).
//
// Example (MiniZed, a 2304-byte weight column through the 64-bit 125 MHz HP path to the
// 50 ns + 2.133 GB/s DDR model): fixed = 24 ns + 2304 ns (port data) + 1130 ns (DDR) =
// 3458 ns; contention = 24 ns + the DDR's latency to first data + max(DDR data 1080 ns,
// port data 2304 ns) = about 2354 ns (measured: hp.edgedrnn_weights.rd.latency_ns.min).
//
// LT approximations (see also ranked_channel.h): transactions are served in call order,
// not arrival order, within a quantum; the address phase and the target's latency of a
// transaction overlap the previous transaction's data (ports accept several outstanding
// transactions; the outstanding limits bound this); the read data a slow port cannot take
// yet is assumed to wait in the port's FIFO, of unbounded depth.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "vp/interconnect/arbitration_policy.h"
#include "vp/interconnect/outstanding_limiter.h"
#include "vp/interconnect/ranked_channel.h"
#include "vp/interconnect/timing_policy.h"

namespace vp {

// forward() and backward() are inline: they run on every transaction, and the
// interconnect calls them directly (not through the TimingPolicy vtable) when this is its
// policy. always_inline: left to its heuristics, GCC inlines forward() or not depending
// on unrelated code around the call (measured: 0.5 M instructions in the paper run).
class ContentionTiming final : public TimingPolicy {
public:
    explicit ContentionTiming(std::unique_ptr<ArbitrationPolicy> arbitration);
    const char* name() const override { return "contention"; }
    const ArbitrationPolicy& arbitration() const { return *arbitration_; }

    void configure(const std::vector<const PortTiming*>& initiators,
                   const std::vector<const PortTiming*>& targets) override;
    TimeUnits forward(Transfer& t, TimeUnits arrival) override;
    TimeUnits backward(Transfer& t, TimeUnits target_done) override;

private:
    struct PortState {
        explicit PortState(const PortParams& p)
            : read_limit(p.max_outstanding_reads), write_limit(p.max_outstanding_writes) {}
        RankedChannel read, write;
        OutstandingLimiter read_limit, write_limit;
        RankedChannel& channel(bool is_write) { return is_write ? write : read; }
        OutstandingLimiter& limit(bool is_write) { return is_write ? write_limit : read_limit; }
    };
    // One direction of one initiator-to-target path: the state its transactions use,
    // resolved by configure() so forward() and backward() find it with one index.
    struct Path {
        OutstandingLimiter* initiator_limit;  // nullptr: unlimited
        OutstandingLimiter* target_limit;
        RankedChannel* initiator_channel;
        RankedChannel* target_channel;
        TimeUnits address;                    // both ports' latency_cycles
        const uint8_t* ranks;                 // the initiator's arbitration rank by AxQOS (a
                                              // rank depends only on those two: tabulated)
        // The path's data time for the last beat counts seen (a path mostly carries one
        // transfer size): the slower port's beats.
        uint64_t memo_initiator_beats = 0, memo_target_beats = 0;
        TimeUnits memo_data = 0;
    };
    Path& path(const Transfer& t) {
        return paths_[(t.initiator * target_count_ + t.target) * 2 + t.is_write];
    }

    // The breakdown parts (out of line: off by default).
    static void explain_forward(LatencyBreakdown& breakdown, const PortTiming& in,
                                const PortTiming& out, TimeUnits initiator_outstanding,
                                TimeUnits target_outstanding, TimeUnits address);
    static void explain_backward(LatencyBreakdown& breakdown, const PortTiming& out,
                                 TimeUnits arbitration, TimeUnits data);

    std::unique_ptr<ArbitrationPolicy> arbitration_;
    std::vector<PortState> initiators_, targets_;
    std::vector<uint8_t> ranks_;  // [initiator][Transfer::qos, all 256 values]
    std::vector<Path> paths_;     // [initiator][target][is_write]
    unsigned target_count_ = 0;
};

__attribute__((always_inline)) inline TimeUnits ContentionTiming::forward(Transfer& t,
                                                                        TimeUnits arrival) {
    Path& p = path(t);
    t.policy_state = &p;  // for backward()
    const TimeUnits after_in =
        p.initiator_limit ? p.initiator_limit->acquire(arrival, &t.initiator_slot) : arrival;
    const TimeUnits after_out =
        p.target_limit ? p.target_limit->acquire(after_in, &t.target_slot) : after_in;
    if (t.breakdown)
        explain_forward(*t.breakdown, *t.initiator_port, *t.target_port, after_in - arrival,
                        after_out - after_in, p.address);
    t.wait = after_out - arrival;
    t.request_at = after_out + p.address;
    return t.request_at - arrival;
}

__attribute__((always_inline)) inline TimeUnits ContentionTiming::backward(Transfer& t,
                                                                         TimeUnits done) {
    Path& p = *static_cast<Path*>(t.policy_state);
    if (t.initiator_side.beats != p.memo_initiator_beats ||
        t.target_side.beats != p.memo_target_beats) {
        p.memo_initiator_beats = t.initiator_side.beats;
        p.memo_target_beats = t.target_side.beats;
        p.memo_data = std::max(t.initiator_port->cycles_units(t.initiator_side.beats),
                               t.target_port->cycles_units(t.target_side.beats));
    }
    const TimeUnits data = p.memo_data;

    // When the target's first beat was ready: as it reported, or else assume its data
    // took as long as the port's (ending at `done`), but not before the request.
    const TimeUnits target_data = t.target_data_time != 0 ? t.target_data_time : data;
    TimeUnits first_beat = t.request_at;
    if (done > target_data && done - target_data > first_beat) first_beat = done - target_data;
    if (first_beat > done) first_beat = done;  // a target that answers instantly

    const unsigned r = p.ranks[t.qos];
    TimeUnits start = p.target_channel->start(r, first_beat);
    start = p.initiator_channel->start(0, start);  // one master per initiator port: one rank
    // The last beat crosses in the cycle the target delivers it (the crossing's fixed
    // cost is latency_cycles): the path ends with the target or with the port's beats.
    const TimeUnits end = std::max(done, start + data);
    p.target_channel->book(r, start, end);
    p.initiator_channel->book(0, start, end);
    if (p.initiator_limit) p.initiator_limit->release(t.initiator_slot, end);
    if (p.target_limit) p.target_limit->release(t.target_slot, end);

    const TimeUnits extra = end - done;
    const TimeUnits waited = std::min(start - first_beat, extra);  // not hidden by the target
    if (t.breakdown) explain_backward(*t.breakdown, *t.target_port, waited, extra - waited);
    t.wait += waited;
    t.data_start = start;
    t.data_end = end;
    return extra;
}

}  // namespace vp
