#include "vp/memory/dram/cycle_clock.h"

#include <algorithm>
#include <cmath>

namespace vp {
namespace {

// The whole number x is close to (relative 2^-48: a few roundings away), or 0.
uint64_t whole_near(double x, uint64_t max) {
    if (!(x >= 1.0) || x > static_cast<double>(max)) return 0;
    const double whole = std::round(x);
    return std::fabs(x - whole) <= whole * std::ldexp(1.0, -48) ? static_cast<uint64_t>(whole) : 0;
}

}  // namespace

CycleClock::CycleClock(uint64_t tck_ps)
    : units_per_cycle_(static_cast<double>(tck_ps) * 1e-12 /
                       sc_core::sc_get_time_resolution().to_seconds()) {
    whole_units_ = whole_near(units_per_cycle_, uint64_t{1} << 20);
    if (whole_units_) exact_cycles_ = static_cast<Cycle>(kExactLimit / whole_units_);
}

Cycle CycleClock::cycle_at_or_after_reference(const sc_core::sc_time& t) const {
    // A time within rounding error of an edge is on it. The tolerance grows with the
    // cycle count, as the period's own rounding error does (1875 ps would be
    // 1874.9999999999998 units in double: a fixed 1e-9 put arrivals exactly on an edge one
    // cycle late after about 15 ms), and stays far below one unit's share of a cycle.
    const double x = static_cast<double>(t.value()) / units_per_cycle_;
    const double nearest = std::round(x);
    if (std::fabs(x - nearest) <= std::max(1e-9, nearest * 1e-15)) return static_cast<Cycle>(nearest);
    return static_cast<Cycle>(std::ceil(x));
}

uint64_t CycleClock::units_of_reference(Cycle n) const {
    return static_cast<uint64_t>(std::llround(static_cast<double>(n) * units_per_cycle_));
}

}  // namespace vp
