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
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace vp {

class Stats;

class TimeSeries {
public:
    TimeSeries(std::string name, uint64_t window_ps);
    // `amount` spread over [start_ps, end_ps) (all in start's window when end <= start).
    // Amounts are added to a window in call order (the same sums, bit for bit, however
    // the window was found).
    void add(uint64_t start_ps, uint64_t end_ps, double amount) {
        // Hot: most transfers fall in the window of the previous one (no division). Unsigned
        // wrap-around makes each test one comparison: start in [current, current + window),
        // end in [current, current + window].
        if (start_ps - current_start_ps_ < current_window_ps_ &&
            end_ps - current_start_ps_ <= current_window_ps_) {
            *current_ += amount;
            return;
        }
        add_slow(start_ps, end_ps, amount);
    }

    const std::string& name() const { return name_; }
    uint64_t window_ps() const { return window_ps_; }
    // Windows up to the last one written, and each one's amount (0 without data).
    uint64_t windows() const { return used_; }
    double value(uint64_t window) const {
        const uint64_t b = window >> kBlockShift;
        return b < blocks_.size() && blocks_[b] ? blocks_[b][window & (kBlockWindows - 1)] : 0.0;
    }

private:
    // Windows live in fixed blocks allocated on first use: growing never copies or
    // re-zeroes what exists (amortised O(1) per window), a series idle for long stretches
    // allocates only where it has data, and a window's address never changes.
    static constexpr unsigned kBlockShift = 7;
    static constexpr uint64_t kBlockWindows = uint64_t{1} << kBlockShift;  // 1 KiB of doubles

    // The window's amount, allocating its block on first use.
    double& slot(uint64_t window) {
        const uint64_t b = window >> kBlockShift;
        if (b >= blocks_.size() || !blocks_[b]) allocate_block(b);
        return blocks_[b][window & (kBlockWindows - 1)];
    }
    void allocate_block(uint64_t block);
    double* add_to(uint64_t window, double amount) {
        double* v = &slot(window);
        *v += amount;
        if (window + 1 > used_) used_ = window + 1;
        return v;
    }
    void add_slow(uint64_t start_ps, uint64_t end_ps, double amount);
    std::string name_;
    uint64_t window_ps_;
    // The window the previous transfer ended in (the fast path's): its amount, start and
    // length (0 until the first transfer: no fast path before a window exists).
    double* current_ = nullptr;
    uint64_t current_start_ps_ = 0;
    uint64_t current_window_ps_ = 0;
    std::vector<std::unique_ptr<double[]>> blocks_;  // null: no data in that block yet
    uint64_t used_ = 0;                               // windows up to the last one written
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
