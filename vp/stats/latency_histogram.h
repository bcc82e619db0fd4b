// A latency histogram with fixed, log-linear buckets (16 per octave, like HdrHistogram
// with one significant hex digit): no allocation, an O(1) insert (a count-leading-zeros
// and a shift), percentiles within 1/16 (6.25 %) of the true value, exact below 16 ps.
// Values are integers in ps; values from 2^48 ps (~281 s) up land in the last bucket.
#pragma once

#include <array>
#include <cstdint>

namespace vp {

class LatencyHistogram {
public:
    static constexpr unsigned kSubBits = 4;                   // 16 buckets per octave
    static constexpr unsigned kMaxExponent = 47;              // top octave [2^47, 2^48)
    static constexpr unsigned kBuckets = (kMaxExponent - kSubBits + 2) << kSubBits;

    void add(uint64_t value_ps) { add_to_bucket(bucket_of(value_ps)); }
    // add() in two steps, for one value going into several histograms.
    static unsigned bucket_of(uint64_t value_ps) { return index_of(value_ps); }
    // The least value of a bucket, in ps (a bucket holds [bucket_low_ps(b),
    // bucket_low_ps(b + 1)); the last one everything from its low up).
    static uint64_t bucket_low_ps(unsigned bucket) {
        if (bucket < (1u << kSubBits)) return bucket;
        const unsigned e = (bucket >> kSubBits) + kSubBits - 1;
        const uint64_t sub = bucket & ((1u << kSubBits) - 1);
        return ((uint64_t{1} << kSubBits) + sub) << (e - kSubBits);
    }
    void add_to_bucket(unsigned bucket) {
        ++counts_[bucket];
        ++count_;
    }
    // Adds another histogram's samples (a port's from its paths', when read).
    void merge(const LatencyHistogram& other) {
        for (unsigned i = 0; i < kBuckets; ++i) counts_[i] += other.counts_[i];
        count_ += other.count_;
    }
    uint64_t count() const { return count_; }
    // The value below which `fraction` (0..1) of the samples lie: the midpoint of the
    // bucket holding that rank (0 without samples).
    double percentile_ps(double fraction) const;

private:
    static unsigned index_of(uint64_t v) {
        if (v < (1u << kSubBits)) return static_cast<unsigned>(v);
        unsigned e = 63u - static_cast<unsigned>(__builtin_clzll(v));  // >= kSubBits
        if (e > kMaxExponent) return kBuckets - 1;
        const unsigned sub = static_cast<unsigned>(v >> (e - kSubBits)) & ((1u << kSubBits) - 1);
        return ((e - kSubBits + 1) << kSubBits) + sub;
    }
    std::array<uint64_t, kBuckets> counts_{};
    uint64_t count_ = 0;
};

}  // namespace vp
