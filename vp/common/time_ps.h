// sc_time as whole picoseconds: the unit the statistics keep latencies and busy times in.
#pragma once

#include <cstdint>

#include <systemc>

namespace vp {

// An sc_time's integer value (sc_time::value()): time-resolution units, 1 ps with SystemC's
// default resolution. Hot paths compute in these and build an sc_time only where one is
// handed back (sc_time::from_value is an out-of-line call).
using TimeUnits = sc_core::sc_time::value_type;

// Time-resolution units to ps: an integer multiply when the resolution is a whole number
// of ps (SystemC's default: 1 ps), a rounded double one otherwise. Reads the resolution
// when built: build it once, outside hot loops.
class UnitsToPs {
public:
    UnitsToPs()
        : ps_per_unit_(sc_core::sc_get_time_resolution().to_seconds() * 1e12),
          whole_ps_per_unit_(ps_per_unit_ >= 1 && ps_per_unit_ == static_cast<double>(
                                                      static_cast<uint64_t>(ps_per_unit_))
                                 ? static_cast<uint64_t>(ps_per_unit_)
                                 : 0) {}
    uint64_t operator()(TimeUnits units) const {
        if (whole_ps_per_unit_) return units * whole_ps_per_unit_;
        return static_cast<uint64_t>(static_cast<double>(units) * ps_per_unit_ + 0.5);
    }

private:
    double ps_per_unit_;
    uint64_t whole_ps_per_unit_;  // 0 when the resolution is not a whole number of ps
};

// sc_time::from_value with a one-entry memo: a hot path that adds the same delay again
// and again (an interconnect's address phase) skips the out-of-line call. A new value is
// one resolution unit times the value as a double (sc_time's inline operator*=: exact
// below 2^52 units, 75 minutes at 1 ps), not the out-of-line from_value either.
class TimeOfUnits {
public:
    // always_inline: used in large hot functions (see TimeSeries::add).
    __attribute__((always_inline)) const sc_core::sc_time& operator()(TimeUnits units) {
        if (units != units_) {
            units_ = units;
            constexpr TimeUnits kExactBelow = TimeUnits{1} << 52;
            if (units < kExactBelow) {
                // Built on first use, inside the simulation: building a non-zero time fixes
                // the time resolution, which from_value would do here anyway.
                if (unit_ == sc_core::SC_ZERO_TIME) unit_ = sc_core::sc_time::from_value(1);
                time_ = unit_ * static_cast<double>(static_cast<int64_t>(units));
            } else {
                time_ = sc_core::sc_time::from_value(units);
            }
        }
        return time_;
    }

private:
    TimeUnits units_ = 0;
    sc_core::sc_time time_ = sc_core::SC_ZERO_TIME;
    sc_core::sc_time unit_ = sc_core::SC_ZERO_TIME;  // one resolution unit
};

inline uint64_t to_ps(const sc_core::sc_time& t) {
    static const UnitsToPs convert;
    return convert(t.value());
}

}  // namespace vp
