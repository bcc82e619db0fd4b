// DramCounters::record_latency (tries the previous latency's bucket first) against the
// plain search of the bucket bounds: latencies that repeat, creep, jump between
// buckets, and sit on every bound.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "vp/memory/dram/dram_counters.h"

namespace {

std::size_t reference_bucket(uint64_t latency_ps) {
    std::size_t b = 0;
    while (vp::DramCounters::kLatencyBucketsNs[b] != 0 &&
           latency_ps >= vp::DramCounters::kLatencyBucketsNs[b] * 1000)
        ++b;
    return b;
}

TEST(DramCounters, HistogramMatchesPlainBucketSearch) {
    std::vector<uint64_t> latencies;
    for (uint64_t ns : vp::DramCounters::kLatencyBucketsNs)
        for (uint64_t ps : {ns * 1000 - 1, ns * 1000, ns * 1000 + 1}) latencies.push_back(ps);
    std::mt19937_64 rng(5);
    uint64_t ps = 300000;
    for (int i = 0; i < 200000; ++i) {
        switch (rng() % 4) {
        case 0: break;                                                            // repeats
        case 1: ps += rng() % 2000; break;                                        // creeps up
        case 2: ps = ps > 2000 ? ps - rng() % 2000 : 0; break;                    // and down
        default: ps = rng() % 8000000; break;                                     // jumps
        }
        latencies.push_back(ps);
    }
    latencies.push_back(0);
    latencies.push_back(~uint64_t{0});

    vp::DramCounters counters;
    std::array<uint64_t, vp::DramCounters::kLatencyBucketsNs.size()> expected{};
    for (uint64_t latency : latencies) {
        counters.record_latency(latency);
        ++expected[reference_bucket(latency)];
        ASSERT_EQ(counters.latency_hist, expected) << "after " << latency << " ps";
    }
}

}  // namespace
