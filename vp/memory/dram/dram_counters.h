// What the DRAM model counts, and how it is reported (statistics registry, JSON).
// Plain integers on the hot path; rates and means are derived when read.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "vp/memory/dram/dram_cycle.h"

namespace vp {

class Stats;
struct DramParams;

struct DramCounters {
    // Latency histogram bucket upper bounds, ns (the last bucket is open-ended).
    static constexpr std::array<uint64_t, 10> kLatencyBucketsNs{25, 50, 100, 200, 400, 800, 1600, 3200, 6400, 0};

    uint64_t read_bursts = 0, write_bursts = 0;
    uint64_t row_hits = 0, row_misses = 0, row_conflicts = 0;  // per burst (per CAS)
    uint64_t activates = 0, precharges = 0, refreshes = 0;
    std::vector<uint64_t> bank_activates;                       // sized once, per bank
    uint64_t bytes = 0;
    uint64_t data_bus_busy_cycles = 0;

    // Latency of a transaction: arrival to last data, in ps.
    uint64_t transactions = 0, latency_sum_ps = 0, latency_min_ps = 0, latency_max_ps = 0;
    std::array<uint64_t, kLatencyBucketsNs.size()> latency_hist{};

    // The window over which bandwidth and utilisation are measured: first arrival to
    // last data, in cycles.
    Cycle first_arrival = kLongAgo, last_data_end = kLongAgo;

    void record_latency(uint64_t latency_ps) {
        if (transactions == 0 || latency_ps < latency_min_ps) latency_min_ps = latency_ps;
        if (latency_ps > latency_max_ps) latency_max_ps = latency_ps;
        ++transactions;
        latency_sum_ps += latency_ps;
        // Latencies of a stream mostly fall in the bucket of the one before: try it first.
        if (latency_ps < bucket_low_ps_ || latency_ps >= bucket_high_ps_) find_bucket(latency_ps);
        ++latency_hist[bucket_];
    }
    // Registers everything under "<prefix>." (prefix = the memory's name, e.g. "ddr").
    void register_stats(Stats& stats, const std::string& prefix, const DramParams& params) const;

private:
    // The histogram bucket of the last latency recorded and its bounds [low, high), ps.
    void find_bucket(uint64_t latency_ps) {
        bucket_ = 0;
        while (kLatencyBucketsNs[bucket_] != 0 && latency_ps >= kLatencyBucketsNs[bucket_] * 1000) ++bucket_;
        bucket_low_ps_ = bucket_ == 0 ? 0 : kLatencyBucketsNs[bucket_ - 1] * 1000;
        bucket_high_ps_ = kLatencyBucketsNs[bucket_] != 0 ? kLatencyBucketsNs[bucket_] * 1000 : ~uint64_t{0};
    }
    std::size_t bucket_ = 0;
    uint64_t bucket_low_ps_ = 1, bucket_high_ps_ = 0;  // empty: the first latency looks it up
};

}  // namespace vp
