// The latencies of a stream of transactions, kept as integers in ps on the hot path
// (count, sum, least, most) and read as ns when the statistics registry is read. One
// piece for every "<prefix>.min/.mean/.max" latency statistic; a LatencyHistogram beside
// it gives percentiles.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace vp {

class Stats;

class LatencySummary {
public:
    void add(uint64_t latency_ps) {
        ++count_;
        sum_ps_ += latency_ps;
        if (latency_ps < min_ps_) min_ps_ = latency_ps;
        if (latency_ps > max_ps_) max_ps_ = latency_ps;
    }
    // Adds another stream's samples (a port's reads and writes make the port's summary).
    void merge(const LatencySummary& other) {
        count_ += other.count_;
        sum_ps_ += other.sum_ps_;
        if (other.min_ps_ < min_ps_) min_ps_ = other.min_ps_;
        if (other.max_ps_ > max_ps_) max_ps_ = other.max_ps_;
    }
    uint64_t count() const { return count_; }
    // 0 before the first sample.
    double min_ns() const { return count_ ? static_cast<double>(min_ps_) * 1e-3 : 0.0; }
    double mean_ns() const { return count_ ? static_cast<double>(sum_ps_) * 1e-3 / static_cast<double>(count_) : 0.0; }
    double max_ns() const { return static_cast<double>(max_ps_) * 1e-3; }

    // Registers <prefix>.min, .mean, .max (ns), described as "shortest/mean/longest " + what.
    // The summary must outlive the registry's use (read by pointer).
    void register_stats(Stats& stats, const std::string& prefix, const std::string& what) const;
    // The same statistics for a summary made when the registry is read, e.g. the merge of
    // several (so the hot path adds each sample to one summary only).
    static void register_computed(Stats& stats, const std::string& prefix, const std::string& what,
                                  std::function<LatencySummary()> summary);

private:
    uint64_t count_ = 0, sum_ps_ = 0;
    uint64_t min_ps_ = UINT64_MAX, max_ps_ = 0;
};

}  // namespace vp
