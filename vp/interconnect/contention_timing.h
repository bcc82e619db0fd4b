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

#include <memory>
#include <vector>

#include "vp/interconnect/arbitration_policy.h"
#include "vp/interconnect/outstanding_limiter.h"
#include "vp/interconnect/ranked_channel.h"
#include "vp/interconnect/timing_policy.h"

namespace vp {

class ContentionTiming final : public TimingPolicy {
public:
    explicit ContentionTiming(std::unique_ptr<ArbitrationPolicy> arbitration);
    const char* name() const override { return "contention"; }
    const ArbitrationPolicy& arbitration() const { return *arbitration_; }

    void configure(const std::vector<const PortTiming*>& initiators,
                   const std::vector<const PortTiming*>& targets) override;
    sc_core::sc_time forward(Transfer& t, const sc_core::sc_time& arrival) override;
    sc_core::sc_time backward(Transfer& t, const sc_core::sc_time& target_done) override;

private:
    struct PortState {
        explicit PortState(const PortParams& p)
            : read_limit(p.max_outstanding_reads), write_limit(p.max_outstanding_writes) {}
        RankedChannel read, write;
        OutstandingLimiter read_limit, write_limit;
        RankedChannel& channel(bool is_write) { return is_write ? write : read; }
        OutstandingLimiter& limit(bool is_write) { return is_write ? write_limit : read_limit; }
    };

    std::unique_ptr<ArbitrationPolicy> arbitration_;
    std::vector<PortState> initiators_, targets_;
};

}  // namespace vp
