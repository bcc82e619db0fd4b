// Traffic counters of one direction of one initiator-to-target path through an
// interconnect: what the hot path records, once per transaction. The statistics of the
// two ports (port_counters.h) are sums over their paths, made when the registry is read;
// every sum is of integers (and min/max), so they equal what recording each transaction
// into both ports gave, bit for bit.
#pragma once

#include <cstdint>

#include "vp/interconnect/burst_math.h"
#include "vp/stats/latency_histogram.h"
#include "vp/stats/latency_summary.h"

namespace vp {

class PathCounters {
public:
    uint64_t transactions = 0, bytes = 0;    // successful transfers
    uint64_t slverr = 0;                     // answered with an error
    BurstCount initiator_side, target_side;  // beats and bursts on each port
    uint64_t busy_ps = 0, wait_ps = 0;
    LatencySummary latency;
    LatencyHistogram histogram;

    // One transaction that reached a target (DECERRs count at the initiator port only).
    // always_inline: inside the interconnect's transport (see TimeSeries::add).
    __attribute__((always_inline)) void record(bool ok, uint64_t transfer_bytes, const BurstCount& on_initiator,
                const BurstCount& on_target, uint64_t latency_ps, uint64_t busy, uint64_t wait) {
        if (ok) {
            ++transactions;
            bytes += transfer_bytes;
        } else {
            ++slverr;
        }
        initiator_side.beats += on_initiator.beats;
        initiator_side.bursts += on_initiator.bursts;
        target_side.beats += on_target.beats;
        target_side.bursts += on_target.bursts;
        busy_ps += busy;
        wait_ps += wait;
        latency.add(latency_ps);
        if (latency_ps - bucket_low_ps_ >= bucket_high_ps_ - bucket_low_ps_) {  // not in it
            bucket_ = LatencyHistogram::bucket_of(latency_ps);
            bucket_low_ps_ = LatencyHistogram::bucket_low_ps(bucket_);
            bucket_high_ps_ = bucket_ + 1 < LatencyHistogram::kBuckets
                                  ? LatencyHistogram::bucket_low_ps(bucket_ + 1)
                                  : UINT64_MAX;
        }
        histogram.add_to_bucket(bucket_);
    }

private:
    // The previous latency's histogram bucket and its range [low, high): latencies on a
    // path mostly repeat within one bucket (6.25 % wide), which skips the bucket's
    // computation. Empty until the first sample.
    unsigned bucket_ = 0;
    uint64_t bucket_low_ps_ = 0, bucket_high_ps_ = 0;
};

}  // namespace vp
