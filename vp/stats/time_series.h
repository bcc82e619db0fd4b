// Time series for plotting: an amount (bytes) per fixed window of simulated time, kept
// by the model on its hot path and written as CSV at the end of a run
// (run.bandwidth_csv). A transfer spanning several windows is spread over them in
// proportion to its overlap, so a 2.3 us transfer in 1 us windows shows as a plateau,
// not a spike.
//
// Bounded: a series keeps at most kMaxWindows windows (about 8 MiB of amounts); a transfer
// ending beyond them is dropped and the first such drop is warned about once per window
// key, naming it (<ic>.bandwidth_window_ns), so a tiny window on a long run cannot eat
// the memory. The CSV shortens each run of windows empty in every series to its first
// and last row: every row is still one window's average, and sums over rows times the
// window are unchanged.
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
    static constexpr uint64_t kMaxWindows = uint64_t{1} << 20;

    // window_key: the key that sets the window, for the warning when the series is full.
    TimeSeries(std::string name, uint64_t window_ps, std::string window_key = "");
    // `amount` spread over [start_ps, end_ps) (all in start's window when end <= start).
    // Amounts are added to a window in call order (the same sums, bit for bit, however
    // the window was found).
    // always_inline: an interconnect calls it twice per transaction from a large function,
    // where GCC's growth limits would otherwise leave it out of line.
    __attribute__((always_inline)) void add(uint64_t start_ps, uint64_t end_ps, double amount) {
        // Hot: most transfers fall in the window of the previous one, or run from it into
        // the next (no division). Unsigned wrap-around makes each test one comparison:
        // start in [current, current + window), end in [current, current + window] or
        // (current + window, current + 2 windows].
        const uint64_t from = start_ps - current_start_ps_;
        if (from < current_window_ps_) {
            const uint64_t to = end_ps - current_start_ps_;
            if (to <= current_window_ps_) {
                *current_ += amount;
                return;
            }
            if (to - current_window_ps_ <= current_window_ps_ && next_) {
                // The same arithmetic as add_slow's spread.
                const double per_ps = amount / static_cast<double>(end_ps - start_ps);
                *current_ += per_ps * static_cast<double>(current_window_ps_ - from);
                *next_ += per_ps * static_cast<double>(to - current_window_ps_);
                advance();
                return;
            }
        }
        add_slow(start_ps, end_ps, amount);
    }

    const std::string& name() const { return name_; }
    uint64_t window_ps() const { return window_ps_; }
    const std::string& window_key() const { return window_key_; }
    // Windows up to the last one written, and each one's amount (0 without data).
    uint64_t windows() const { return used_; }
    // Transfers dropped because they ended past kMaxWindows windows.
    uint64_t dropped() const { return dropped_; }
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
    // add()'s fast path only moves within a block, so it never passes a block-aligned cap:
    // the cap costs one comparison in add_slow, none on the hot path.
    static_assert(kMaxWindows % kBlockWindows == 0, "the cap must be a block boundary");

    // The window's amount, allocating its block on first use.
    double& slot(uint64_t window) {
        const uint64_t b = window >> kBlockShift;
        if (b >= blocks_.size() || !blocks_[b]) allocate_block(b);
        return blocks_[b][window & (kBlockWindows - 1)];
    }
    void allocate_block(uint64_t block);
    void add_slow(uint64_t start_ps, uint64_t end_ps, double amount);
    void drop(uint64_t start_ps);  // past kMaxWindows: count it, warn the first time
    // Makes window `w` (written) the current one.
    void set_current(uint64_t w, double* value) {
        if (w + 1 > used_) used_ = w + 1;
        current_window_ = w;
        current_ = value;
        next_ = ((w + 1) & (kBlockWindows - 1)) ? value + 1 : nullptr;  // in the same block
        current_start_ps_ = w * window_ps_;
        current_window_ps_ = window_ps_;
    }
    void advance() {
        const uint64_t w = current_window_ + 1;
        set_current(w, next_);
    }
    std::string name_;
    uint64_t window_ps_;
    std::string window_key_;
    uint64_t dropped_ = 0;
    // The window the previous transfer ended in (the fast path's): its index, amount,
    // start and length (0 until the first transfer: no fast path before a window exists).
    double* current_ = nullptr;
    double* next_ = nullptr;          // the next window's amount when in the same block
    uint64_t current_window_ = 0;
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
