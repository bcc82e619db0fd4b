// sc_time as whole picoseconds: the unit the statistics keep latencies and busy times in.
#pragma once

#include <cstdint>

#include <systemc>

namespace vp {

// Hot (several calls per transaction): an integer multiply when the time resolution is a
// whole number of ps (SystemC's default: 1 ps), a rounded double one otherwise.
inline uint64_t to_ps(const sc_core::sc_time& t) {
    static const double ps_per_unit = sc_core::sc_get_time_resolution().to_seconds() * 1e12;
    static const uint64_t whole_ps_per_unit =
        ps_per_unit >= 1 && ps_per_unit == static_cast<double>(static_cast<uint64_t>(ps_per_unit))
            ? static_cast<uint64_t>(ps_per_unit)
            : 0;
    if (whole_ps_per_unit) return t.value() * whole_ps_per_unit;
    return static_cast<uint64_t>(static_cast<double>(t.value()) * ps_per_unit + 0.5);
}

}  // namespace vp
