#include "vp/stats/time_series.h"

#include <algorithm>
#include <map>
#include <memory>

namespace vp {

TimeSeries::TimeSeries(std::string name, uint64_t window_ps)
    : name_(std::move(name)), window_ps_(window_ps ? window_ps : 1) {}

void TimeSeries::allocate_block(uint64_t block) {
    if (block >= blocks_.size()) blocks_.resize(std::max<uint64_t>(block + 1, 2 * blocks_.size()));
    if (!blocks_[block]) blocks_[block] = std::make_unique<double[]>(kBlockWindows);  // zeroed
}

void TimeSeries::add_slow(uint64_t start_ps, uint64_t end_ps, double amount) {
    const uint64_t first = start_ps / window_ps_;
    const uint64_t last = end_ps > start_ps ? (end_ps - 1) / window_ps_ : first;
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
    for (const TimeSeries* s : series_) {
        window = std::min(window, s->window_ps());
        end_ps = std::max(end_ps, s->windows() * s->window_ps());
    }
    out << "window_start_us";
    for (const TimeSeries* s : series_) out << ',' << s->name() << "_per_s";
    out << '\n';
    if (series_.empty()) return;
    const uint64_t rows = (end_ps + window - 1) / window;
    for (uint64_t r = 0; r < rows; ++r) {
        const uint64_t t = r * window;
        out << static_cast<double>(t) * 1e-6;
        for (const TimeSeries* s : series_) {
            const uint64_t w = t / s->window_ps();
            const double v = w < s->windows() ? s->value(w) : 0.0;
            out << ',' << v / (static_cast<double>(s->window_ps()) * 1e-12);
        }
        out << '\n';
    }
}

}  // namespace vp
