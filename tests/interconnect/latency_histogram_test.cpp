// The histogram's bucket bounds (bucket_low_ps), which the interconnect's per-path
// bucket memo relies on: every value lies in [low(b), low(b + 1)) of its bucket b.
#include <gtest/gtest.h>

#include <cstdint>

#include "vp/stats/latency_histogram.h"

using vp::LatencyHistogram;

TEST(LatencyHistogram, BucketBoundsHoldTheirValues) {
    for (unsigned b = 0; b + 1 < LatencyHistogram::kBuckets; ++b) {
        const uint64_t low = LatencyHistogram::bucket_low_ps(b);
        const uint64_t high = LatencyHistogram::bucket_low_ps(b + 1);
        ASSERT_LT(low, high) << b;
        EXPECT_EQ(LatencyHistogram::bucket_of(low), b);
        EXPECT_EQ(LatencyHistogram::bucket_of(high - 1), b);
        EXPECT_EQ(LatencyHistogram::bucket_of(high), b + 1);
    }
    const unsigned last = LatencyHistogram::kBuckets - 1;
    EXPECT_EQ(LatencyHistogram::bucket_of(LatencyHistogram::bucket_low_ps(last)), last);
    EXPECT_EQ(LatencyHistogram::bucket_of(UINT64_MAX), last);
}

TEST(LatencyHistogram, MergeAddsCounts) {
    LatencyHistogram a, b, both;
    for (uint64_t v : {3u, 100u, 2300000u}) {
        a.add(v);
        both.add(v);
    }
    for (uint64_t v : {5u, 2400000u}) {
        b.add(v);
        both.add(v);
    }
    a.merge(b);
    EXPECT_EQ(a.count(), both.count());
    for (double f : {0.1, 0.5, 0.9, 1.0}) EXPECT_EQ(a.percentile_ps(f), both.percentile_ps(f));
}
