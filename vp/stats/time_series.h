// Time series for plotting: an amount (bytes) per fixed window of simulated time, kept
// by the model on its hot path and written as CSV at the end of a run
// (run.bandwidth_csv). A transfer spanning several windows is spread over them in
// proportion to its overlap, so a 2.3 us transfer in 1 us windows shows as a plateau,
// not a spike.
//
// The registry holds pointers (the models own the series); it is found through the
// Stats object of the run (one registry per Stats), so nothing global leaks between runs.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace vp {

class Stats;

class TimeSeries {
public:
    TimeSeries(std::string name, uint64_t window_ps);
    // `amount` spread over [start_ps, end_ps) (all in one window when end <= start).
    void add(uint64_t start_ps, uint64_t end_ps, double amount) {
        // Hot: most transfers fall in the window of the previous one (no division).
        if (start_ps >= last_start_ps_ && end_ps <= last_start_ps_ + window_ps_ && last_ < values_.size()) {
            values_[last_] += amount;
            return;
        }
        add_slow(start_ps, end_ps, amount);
    }

    const std::string& name() const { return name_; }
    uint64_t window_ps() const { return window_ps_; }
    const std::vector<double>& values() const { return values_; }

private:
    void add_to(uint64_t window, double amount) {
        if (window >= values_.size()) values_.resize(window + 1 + values_.size() / 2, 0.0);
        values_[window] += amount;
        if (window + 1 > used_) used_ = window + 1;
    }
    void add_slow(uint64_t start_ps, uint64_t end_ps, double amount);
    std::string name_;
    uint64_t window_ps_;
    uint64_t last_ = UINT64_MAX;        // window of the previous add, and its start
    uint64_t last_start_ps_ = UINT64_MAX;
    std::vector<double> values_;  // grows geometrically: amortised, not per transaction
    uint64_t used_ = 0;

    friend class TimeSeriesRegistry;
};

class TimeSeriesRegistry {
public:
    // The registry belonging to a run's statistics.
    static TimeSeriesRegistry& of(const Stats& stats);
    void add(const TimeSeries* series);
    void remove(const TimeSeries* series);
    bool empty() const { return series_.empty(); }
    // One row per window: window_start_us, then per series (in registration order) the
    // amount per second (bytes/s for byte series) averaged over that window. Series of
    // different window lengths are written on the finest grid.
    void write_csv(std::ostream& out) const;

private:
    std::vector<const TimeSeries*> series_;
};

}  // namespace vp
