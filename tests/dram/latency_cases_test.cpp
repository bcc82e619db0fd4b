// The three datasheet cases on an idle device, for every shipped preset. Expected values
// are closed forms of the preset's own timings (cycles as the datasheet rounds them:
// ceil(t / tCK)), not the model's output.
#include <gtest/gtest.h>

#include "tests/dram/dram_bench.h"
#include "tests/dram/shipped_presets.h"
#include "vp/interconnect/axi_extension.h"

using namespace dram_test;

namespace {

class LatencyCases : public ::testing::TestWithParam<std::string> {};

// Addresses picked through the mapping (which bank and row an address is in), so the
// cases hold for every address order.
uint64_t find_burst(const vp::DramParams& p, bool same_row) {
    const vp::AddressMapping m(p);
    const vp::BurstLocation zero = m.locate(0);
    for (uint64_t k = 1;; ++k) {
        const vp::BurstLocation at = m.locate(k);
        if (at.bank == zero.bank && (at.row == zero.row) == same_row) return k * p.burst_bytes();
    }
}
uint64_t same_row_next_column(const vp::DramParams& p) { return find_burst(p, true); }
uint64_t next_row_same_bank(const vp::DramParams& p) { return find_burst(p, false); }

// n clock periods: arrivals on clock edges, so the cases are exact.
sc_core::sc_time at_clock(const vp::DramParams& p, uint64_t n) {
    return sc_core::sc_time(static_cast<double>(n * p.tck_ps), sc_core::SC_PS);
}

}  // namespace

TEST_P(LatencyCases, PrechargedHitAndConflictMatchTheClosedForms) {
    const vp::DramParams p = params(GetParam());
    auto dram = make_dram(GetParam());
    const double tck = tck_ns(p);
    const double burst = p.burst_length / p.data_rate * tck;
    const unsigned b = p.burst_bytes();

    // Precharged bank: ACT, tRCD, READ, CL, data.
    const double precharged = ns(dram->access(0, false, 0, b, sc_core::SC_ZERO_TIME));
    EXPECT_NEAR(precharged, p.tRCD * tck + p.CL * tck + burst, 1e-6);

    // Row hit: the next burst of the same row, long after (no queueing, no refresh).
    const double hit = ns(dram->access(0, false, same_row_next_column(p), b, at_clock(p, 500)));
    EXPECT_NEAR(hit, p.CL * tck + burst, 1e-6);

    // Row conflict: another row of the same bank: PRE, tRP, ACT, tRCD, READ, CL, data.
    const double conflict = ns(dram->access(0, false, next_row_same_bank(p), b, at_clock(p, 1000)));
    EXPECT_NEAR(conflict, (p.tRP + p.tRCD + p.CL) * tck + burst, 1e-6);

    // An arrival between clock edges waits for the next edge: within one clock.
    const sc_core::sc_time t3 = at_clock(p, 1500) + sc_core::sc_time(1, sc_core::SC_PS);
    const double offset_hit = ns(dram->access(0, false, next_row_same_bank(p) + same_row_next_column(p), b, t3));
    EXPECT_GE(offset_hit, p.CL * tck + burst - 1e-6);
    EXPECT_LT(offset_hit, p.CL * tck + burst + tck);

    const auto& c = dram->counters();
    EXPECT_EQ(c.row_misses, 1u);
    EXPECT_EQ(c.row_hits, 2u);
    EXPECT_EQ(c.row_conflicts, 1u);
    EXPECT_EQ(c.activates, 2u);
    std::printf("%s: precharged %.3f ns, hit %.3f ns, conflict %.3f ns\n", GetParam().c_str(),
                precharged, hit, conflict);
}

TEST_P(LatencyCases, WritesUseCwl) {
    const vp::DramParams p = params(GetParam());
    auto dram = make_dram(GetParam());
    const double tck = tck_ns(p);
    const double burst = p.burst_length / p.data_rate * tck;
    EXPECT_NEAR(ns(dram->access(0, true, 0, p.burst_bytes(), sc_core::SC_ZERO_TIME)),
                (p.tRCD + p.CWL) * tck + burst, 1e-6);
}

TEST_P(LatencyCases, ClosedPagePaysTrcdButNeverTrp) {
    const vp::DramParams p = params(GetParam(), {{"page_policy", "closed"}});
    auto dram = make_dram(GetParam(), {{"page_policy", "closed"}});
    const double tck = tck_ns(p);
    const double burst = p.burst_length / p.data_rate * tck;
    const unsigned b = p.burst_bytes();
    dram->access(0, false, 0, b, sc_core::SC_ZERO_TIME);
    // Same row again: closed after the first access, so precharged, not a hit.
    EXPECT_NEAR(ns(dram->access(0, false, same_row_next_column(p), b, at_clock(p, 500))),
                (p.tRCD + p.CL) * tck + burst, 1e-6);
    // Another row of the bank: no tRP on the critical path either.
    EXPECT_NEAR(ns(dram->access(0, false, next_row_same_bank(p), b, at_clock(p, 1000))),
                (p.tRCD + p.CL) * tck + burst, 1e-6);
}

TEST_P(LatencyCases, BreakdownSumsToTheDelay) {
    auto dram = make_dram(GetParam());
    const vp::DramParams& p = dram->params();
    vp::LatencyBreakdown bd;
    // A transfer with a row conflict and a queue behind another transfer.
    dram->access(0, false, 0, 4096, sc_core::SC_ZERO_TIME);
    const sc_core::sc_time d =
        dram->access(1, false, next_row_same_bank(p), 2304, sc_core::sc_time(10, sc_core::SC_NS), &bd);
    EXPECT_EQ(bd.total(), d) << bd.to_string();
    bool has_trcd = false, has_burst = false;
    for (unsigned i = 0; i < bd.size(); ++i) {
        has_trcd = has_trcd || std::string(bd[i].label) == "dram.tRCD";
        has_burst = has_burst || std::string(bd[i].label) == "dram.burst";
    }
    EXPECT_TRUE(has_trcd) << bd.to_string();
    EXPECT_TRUE(has_burst) << bd.to_string();
}

INSTANTIATE_TEST_SUITE_P(Presets, LatencyCases, shipped_presets(), preset_test_name);

// The MiniZed part's numbers straight from the datasheet (MT41K256M16, DDR3-1066 7-7-7),
// so a preset that drifts is caught too.
TEST(DramPreset, MinizedDdr3lIsTheDatasheetsSevenSevenSeven) {
    const vp::DramParams p = params("ddr3l-1066-x16");
    EXPECT_EQ(p.tck_ps, 1875u);
    EXPECT_EQ(p.CL, 7u);
    EXPECT_EQ(p.tRCD, 7u);
    EXPECT_EQ(p.tRP, 7u);
    EXPECT_EQ(p.tRAS, 20u);   // 37.5 / 1.875
    EXPECT_EQ(p.tRC, 27u);    // 50.625 / 1.875
    EXPECT_EQ(p.tRRD, 6u);    // 10 / 1.875 = 5.33
    EXPECT_EQ(p.tFAW, 27u);   // 50 / 1.875 = 26.7
    EXPECT_EQ(p.tRFC, 139u);  // 260 / 1.875 = 138.7
    EXPECT_EQ(p.tREFI, 4160u);
    EXPECT_EQ(p.burst_bytes(), 16u);
    EXPECT_NEAR(p.peak_bytes_per_s(), 2.1333e9, 1e6);
    EXPECT_EQ(p.capacity_bytes(), 512ull << 20);
}
