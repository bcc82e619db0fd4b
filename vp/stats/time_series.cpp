#include "vp/stats/time_series.h"

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>

#include "vp/common/log.h"

namespace vp {

TimeSeries::TimeSeries(std::string name, uint64_t window_ps, std::string window_key)
    : name_(std::move(name)), window_ps_(window_ps ? window_ps : 1), window_key_(std::move(window_key)) {}

void TimeSeries::drop(uint64_t start_ps) {
    if (dropped_++) return;
    std::ostringstream os;
    os << name_ << ": the bandwidth time series keeps " << kMaxWindows << " windows of "
       << static_cast<double>(window_ps_) * 1e-3 << " ns" << (window_key_.empty() ? "" : " (" + window_key_ + ")")
       << ", up to " << static_cast<double>(kMaxWindows * window_ps_) * 1e-6 << " us; transfers from "
       << static_cast<double>(start_ps) * 1e-6 << " us on are left out of run.bandwidth_csv (a longer window covers "
       << "a longer run)";
    log_warning_once("vp", "time_series_full:" + window_key_, os.str());
}

void TimeSeries::allocate_block(uint64_t block) {
    if (block >= blocks_.size()) blocks_.resize(std::max<uint64_t>(block + 1, 2 * blocks_.size()));
    if (!blocks_[block]) blocks_[block] = std::make_unique<double[]>(kBlockWindows);  // zeroed
}

void TimeSeries::add_slow(uint64_t start_ps, uint64_t end_ps, double amount) {
    const uint64_t first = start_ps / window_ps_;
    const uint64_t last = end_ps > start_ps ? (end_ps - 1) / window_ps_ : first;
    if (last >= kMaxWindows) return drop(start_ps);
    double* v = &slot(first);
    if (last == first) {
        *v += amount;
    } else {
        const double per_ps = amount / static_cast<double>(end_ps - start_ps);
        uint64_t lo = start_ps;
        for (uint64_t w = first; w < last; ++w) {
            const uint64_t hi = (w + 1) * window_ps_;
            *v += per_ps * static_cast<double>(hi - lo);
            lo = hi;
            v = ((w + 1) & (kBlockWindows - 1)) ? v + 1 : &slot(w + 1);  // next block
        }
        *v += per_ps * static_cast<double>(end_ps - lo);
    }
    // The next transfer most likely starts where this one ended.
    set_current(last, v);
}

TimeSeriesRegistry& TimeSeriesRegistry::of(const Stats& stats) {
    static std::map<const Stats*, std::unique_ptr<TimeSeriesRegistry>> registries;
    auto& r = registries[&stats];
    if (!r) r = std::make_unique<TimeSeriesRegistry>();
    return *r;
}

void TimeSeriesRegistry::add(const TimeSeries* s) { series_.push_back(s); }

void TimeSeriesRegistry::remove(const TimeSeries* s) {
    series_.erase(std::remove(series_.begin(), series_.end(), s), series_.end());
}

void TimeSeriesRegistry::write_csv(std::ostream& out) const {
    uint64_t window = UINT64_MAX;
    uint64_t end_ps = 0;
    std::string window_key = "<ic>.bandwidth_window_ns";  // the finest series'
    for (const TimeSeries* s : series_) {
        if (s->window_ps() < window && !s->window_key().empty()) window_key = s->window_key();
        window = std::min(window, s->window_ps());
        end_ps = std::max(end_ps, s->windows() * s->window_ps());
    }
    out << "window_start_us";
    for (const TimeSeries* s : series_) out << ',' << s->name() << "_per_s";
    out << '\n';
    if (series_.empty()) return;
    uint64_t rows = (end_ps + window - 1) / window;
    if (rows > TimeSeries::kMaxWindows) {
        // Coarser series run on past the finest one's cap: the grid stops there too.
        rows = TimeSeries::kMaxWindows;
        std::ostringstream os;
        os << "run.bandwidth_csv: the table stops after " << rows << " rows of the finest window ("
           << static_cast<double>(window) * 1e-3 << " ns), at " << static_cast<double>(rows * window) * 1e-6
           << " us; the coarser series' later windows are left out (a longer " << window_key << " covers more)";
        log_warning("vp", os.str());
    }
    // Row r's rates, and whether any is non-zero.
    auto row = [&](uint64_t r, std::vector<double>& rates) {
        bool any = false;
        rates.clear();
        for (const TimeSeries* s : series_) {
            const uint64_t w = r * window / s->window_ps();
            const double v = w < s->windows() ? s->value(w) : 0.0;
            rates.push_back(v / (static_cast<double>(s->window_ps()) * 1e-12));
            any = any || v != 0.0;
        }
        return any;
    };
    std::vector<double> rates, next_rates;
    bool any = rows && row(0, rates);
    bool previous_any = true;  // the first row is always written
    for (uint64_t r = 0; r < rows; ++r) {
        const bool last_row = r + 1 == rows;
        const bool next_any = last_row || row(r + 1, next_rates);  // the last row is always written
        // An empty row inside a run of empty ones is left out: the run's first and last show it.
        if (any || previous_any || next_any) {
            out << static_cast<double>(r * window) * 1e-6;
            for (double v : rates) out << ',' << v;
            out << '\n';
        }
        previous_any = any;
        any = next_any;
        std::swap(rates, next_rates);
    }
}

}  // namespace vp
