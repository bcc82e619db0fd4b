// CycleClock's integer paths against exact integer answers and its double reference
// formulas: shipped clock periods, periods that are not a whole number of ps in double
// (1875 ps is 1874.9999999999998 units), and odd ones; on clock edges, beside them, at
// random, and beyond the integer paths' limit (2^46 units).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>

#include "vp/common/time_ps.h"
#include "vp/memory/dram/cycle_clock.h"

namespace {

sc_core::sc_time units(uint64_t v) { return sc_core::sc_time::from_value(v); }

// Counts disagreements and remembers the first, so a failure prints one line.
struct Mismatches {
    uint64_t count = 0;
    std::string first;
    template <typename A, typename B>
    void check(const A& fast, const B& reference, const char* what, int64_t input) {
        if (fast == reference) return;
        if (count++ == 0) {
            std::ostringstream s;
            s << what << "(" << input << "): " << fast << ", reference " << reference;
            first = s.str();
        }
    }
};

class CycleClockPeriods : public ::testing::TestWithParam<uint64_t> {};

TEST_P(CycleClockPeriods, IntegerPathsGiveTheReferenceAnswers) {
    const uint64_t tck_ps = GetParam();
    const vp::CycleClock clock(tck_ps);
    std::mt19937_64 rng(tck_ps);
    Mismatches m;
    auto check_time = [&](uint64_t v) {
        const sc_core::sc_time t = units(v);
        const auto exact = static_cast<vp::Cycle>((v + tck_ps - 1) / tck_ps);  // 1 ps resolution
        m.check(clock.cycle_at_or_after(t), exact, "cycle_at_or_after", static_cast<int64_t>(v));
        if (v <= (uint64_t{1} << 46))  // the reference's stated range (70 s at 1 ps)
            m.check(clock.cycle_at_or_after_reference(t), exact, "cycle_at_or_after_reference",
                    static_cast<int64_t>(v));
        // The DRAM's latencies in ps (vp::to_ps), as llround(t.to_seconds() * 1e12).
        if (v <= (uint64_t{1} << 46))
            m.check(vp::to_ps(t), static_cast<uint64_t>(std::llround(t.to_seconds() * 1e12)), "to_ps",
                    static_cast<int64_t>(v));
    };
    auto check_cycles = [&](vp::Cycle n) {
        m.check(clock.units_of(n), clock.units_of_reference(n), "units_of", n);
    };
    for (int i = 0; i < 100000; ++i) {
        const unsigned bits = 1 + static_cast<unsigned>(rng() % 52);  // up to 2^52 units
        const uint64_t v = rng() & ((uint64_t{1} << bits) - 1);
        const uint64_t edge = v / tck_ps * tck_ps;
        for (uint64_t w : {v, edge, edge + 1, edge == 0 ? 0 : edge - 1}) check_time(w);
        check_cycles(static_cast<vp::Cycle>(v / tck_ps));
        check_cycles(static_cast<vp::Cycle>(v));
        check_cycles(-static_cast<vp::Cycle>(rng() % 1000));
    }
    for (uint64_t v = 0; v < 20000; ++v) check_time(v);  // the first clocks, every unit
    EXPECT_EQ(m.count, 0u) << "first: " << m.first;
}

INSTANTIATE_TEST_SUITE_P(Periods, CycleClockPeriods,
                         ::testing::Values(1875, 1250, 833, 625, 1000, 938, 468, 1071, 7, 1));

// An arrival exactly on an edge is served at that edge at any time. A fixed tolerance in
// the double formula once put it one cycle late beyond about 15 ms (1875 ps is not exact
// in double); the reference must not drift either.
TEST(CycleClock, ArrivalsExactlyOnAnEdgeAreThatEdgeAtLargeTimes) {
    const vp::CycleClock clock(1875);
    for (uint64_t from : {uint64_t{10000000}, uint64_t{1000000000}, uint64_t{30000000000}})
        for (uint64_t k = from; k < from + 1000; ++k) {
            const sc_core::sc_time edge = units(k * 1875);
            EXPECT_EQ(clock.cycle_at_or_after(edge), static_cast<vp::Cycle>(k)) << k;
            EXPECT_EQ(clock.cycle_at_or_after_reference(edge), static_cast<vp::Cycle>(k)) << k;
            EXPECT_EQ(clock.cycle_at_or_after(units(k * 1875 + 1)), static_cast<vp::Cycle>(k + 1)) << k;
        }
}

}  // namespace
