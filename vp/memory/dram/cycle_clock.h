// Conversions between sc_time and the controller's clock cycles (a delay to whole ps is
// vp::to_ps, vp/common/time_ps.h). The clock period is nearly always a whole number of
// time-resolution units (1875 units of 1 ps for DDR3L-1066): then integer arithmetic is
// exact and several times cheaper than the double formulas (*_reference), which serve
// other periods and beyond the integer paths' limits (tests/dram/cycle_clock_test.cpp).
#pragma once

#include <cstdint>

#include <systemc>

#include "vp/memory/dram/dram_cycle.h"

namespace vp {

class CycleClock {
public:
    explicit CycleClock(uint64_t tck_ps);

    // The first clock edge at or after t (the controller sees a request there). Exact in
    // integers when the period is a whole number of units (the shipped parts).
    Cycle cycle_at_or_after(const sc_core::sc_time& t) const {
        if (whole_units_) return static_cast<Cycle>((t.value() + whole_units_ - 1) / whole_units_);
        return cycle_at_or_after_reference(t);
    }
    // n clocks as sc_time value (resolution units).
    uint64_t units_of(Cycle n) const {
        if (n >= 0 && n <= exact_cycles_) return static_cast<uint64_t>(n) * whole_units_;
        return units_of_reference(n);
    }
    sc_core::sc_time time_of(Cycle n) const { return sc_core::sc_time::from_value(units_of(n)); }

    Cycle cycle_at_or_after_reference(const sc_core::sc_time& t) const;
    uint64_t units_of_reference(Cycle n) const;

private:
    // Up to 2^46 units (70 s at 1 ps) the double formulas err by less than 0.3 of
    // llround's 0.5 margin. Relative errors: the period's own (<= 2^-48, checked) and a
    // few roundings of 2^-53.
    static constexpr uint64_t kExactLimit = uint64_t{1} << 46;

    double units_per_cycle_;   // the reference: tck / resolution, in double
    uint64_t whole_units_ = 0; // the same as an integer, 0 if it is not close to one
    Cycle exact_cycles_ = 0;   // units_of(n) is exact in integers for n up to this (0 at
                               // worst: 0 cycles are 0 units either way)
};

}  // namespace vp
