// Bandwidth over long runs: a sequential stream, random 64-byte reads, the cost of
// refresh. Bounds are derived from the preset's timings (comments say how).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "tests/dram/dram_bench.h"
#include "tests/dram/shipped_presets.h"

using namespace dram_test;

namespace {

class Bandwidth : public ::testing::TestWithParam<std::string> {};

double sequential_bandwidth(const std::string& preset, const Overrides& sets, uint64_t bytes_per_transfer,
                            unsigned outstanding = 2) {
    auto dram = make_dram(preset, sets);
    std::vector<Stream> s(1);
    s[0].bytes_per_transfer = bytes_per_transfer;
    s[0].outstanding = outstanding;
    run_streams(*dram, s, false, sc_core::sc_time(200, sc_core::SC_US));
    return bytes_per_s(s[0]);
}

}  // namespace

// A stream of 4 KiB reads with two in flight (a DMA engine's usual depth), open page:
// rows are streamed at one burst per max(tCCD, BL/2) clocks; the next transfer's ACT
// overlaps the current data, so what is lost is refresh and the odd row change.
// (With one transfer in flight the initiator also waits CL + tRCD per transfer; the
// printout shows that case too.)
TEST_P(Bandwidth, SequentialStreamReachesEightyFivePercentOfPeak) {
    const vp::DramParams p = params(GetParam());
    const double achieved = sequential_bandwidth(GetParam(), {}, 4096);
    const double blocking = sequential_bandwidth(GetParam(), {}, 4096, 1);
    const double peak = p.peak_bytes_per_s();
    std::printf("%s: sequential 4 KiB reads %.3f GB/s of peak %.3f GB/s (%.1f %%); one in flight %.3f GB/s (%.1f %%)\n",
                GetParam().c_str(), achieved / 1e9, peak / 1e9, 100 * achieved / peak, blocking / 1e9,
                100 * blocking / peak);
    EXPECT_GE(achieved, 0.85 * peak);
    EXPECT_LE(achieved, peak);
}

// Random 64-byte reads over the whole part, all requested at once (the controller always
// has work: the limit is the DRAM's, not the initiator's). Nearly every read opens a row,
// so each needs one ACT; the bank timing then allows one read per
//     max( bursts x BL/2            data bus,
//          tFAW / 4                  four ACTs per tFAW,
//          tRRD                      ACT to ACT (tRRD_S for DDR4: the optimistic case),
//          tRC / banks )             each bank once per tRC, if spread perfectly
// clocks, less refresh: bound = 64 B / that x (1 - (tRP + tRFC) / tREFI). Random bank
// choice makes some reads wait for a bank still busy (tRC), so the model must land
// below the bound but not far below.
TEST_P(Bandwidth, RandomReadsReachTheBankTimingBound) {
    const vp::DramParams p = params(GetParam());
    auto dram = make_dram(GetParam());
    const uint64_t bytes = 64;
    const double bursts = std::max<double>(1.0, static_cast<double>(bytes) / p.burst_bytes());
    const double per_read_ck = std::max({bursts * p.burst_length / p.data_rate, p.tFAW / 4.0,
                                         static_cast<double>(p.tRRD), static_cast<double>(p.tRC) / p.banks});
    const double refresh_share = 1.0 - static_cast<double>(p.tRP + p.tRFC) / static_cast<double>(p.tREFI);
    const double bound = bytes / (per_read_ck * tck_ns(p) * 1e-9) * refresh_share;

    uint64_t lcg = 12345;
    const uint64_t span = std::min<uint64_t>(p.capacity_bytes(), 512ull << 20);
    sc_core::sc_time last = sc_core::SC_ZERO_TIME;
    const unsigned reads = 50000;
    for (unsigned i = 0; i < reads; ++i) {
        lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
        const uint64_t address = ((lcg >> 16) % (span / bytes)) * bytes;
        last = std::max(last, dram->access(0, false, address, bytes, sc_core::SC_ZERO_TIME));
    }
    const double achieved = reads * bytes / last.to_seconds();
    const auto& c = dram->counters();
    std::printf("%s: random 64 B reads %.3f GB/s, bound %.3f GB/s (%.1f clocks/read), peak %.3f GB/s, "
                "hits %llu misses %llu conflicts %llu\n",
                GetParam().c_str(), achieved / 1e9, bound / 1e9, per_read_ck, p.peak_bytes_per_s() / 1e9,
                static_cast<unsigned long long>(c.row_hits), static_cast<unsigned long long>(c.row_misses),
                static_cast<unsigned long long>(c.row_conflicts));
    EXPECT_LE(achieved, bound * 1.01);
    EXPECT_GE(achieved, bound * 0.75);
}

// Over a long sequential run refresh takes about tRFC / tREFI of the time: each refresh
// blocks tRP + tRFC and then the open row has to be activated again (tRCD), so the
// loss lies between tRFC / tREFI and (tRP + tRFC + tRCD + CL + a burst) / tREFI.
TEST_P(Bandwidth, RefreshCostsAboutTrfcOverTrefi) {
    const vp::DramParams p = params(GetParam());
    const double with = sequential_bandwidth(GetParam(), {}, 4096);
    const double without = sequential_bandwidth(GetParam(), {{"refresh", "false"}}, 4096);
    const double loss = 1.0 - with / without;
    const double low = static_cast<double>(p.tRFC) / static_cast<double>(p.tREFI);
    const double high = static_cast<double>(p.tRP + p.tRFC + p.tRCD + p.CL + p.burst_cycles()) /
                        static_cast<double>(p.tREFI);
    std::printf("%s: refresh loss %.2f %% (tRFC/tREFI %.2f %%)\n", GetParam().c_str(), 100 * loss, 100 * low);
    EXPECT_GE(loss, 0.95 * low);
    EXPECT_LE(loss, 1.1 * high);
}

// The address mapping matters: on DDR4 a stream confined to one bank (bank_row_column)
// pays tCCD_L between bursts; rotating over bank groups (row_column_bank) does not.
TEST(DramMapping, Ddr4BankGroupsNeedBurstInterleaving) {
    const vp::DramParams p = params("ddr4-2400-x64");
    const double interleaved = sequential_bandwidth("ddr4-2400-x64", {}, 4096);
    const double one_bank = sequential_bandwidth("ddr4-2400-x64", {{"mapping", "bank_row_column"}}, 4096);
    // One bank: one burst per tCCD_L (6 clocks) instead of per BL/2 (4 clocks).
    EXPECT_LT(one_bank, interleaved * 0.75);
    EXPECT_NEAR(one_bank / p.peak_bytes_per_s(), static_cast<double>(p.burst_cycles()) / p.tCCD_L, 0.06);
}

// XOR bank hashing spreads a row-sized stride over the banks instead of one bank.
TEST(DramMapping, XorBankSpreadsARowStride) {
    auto plain = make_dram("ddr3l-1066-x16");
    auto hashed = make_dram("ddr3l-1066-x16", {{"xor_bank", "true"}});
    const vp::DramParams& p = plain->params();
    const uint64_t stride = p.row_bytes() * p.banks;  // same bank, next row, without XOR
    sc_core::sc_time a = sc_core::SC_ZERO_TIME, b = sc_core::SC_ZERO_TIME;
    for (unsigned i = 0; i < 256; ++i) {
        a = std::max(a, plain->access(0, false, i * stride, 64, sc_core::SC_ZERO_TIME));
        b = std::max(b, hashed->access(0, false, i * stride, 64, sc_core::SC_ZERO_TIME));
    }
    EXPECT_GE(plain->counters().bank_activates[0], 256u);  // + reopenings after refresh
    EXPECT_LT(hashed->counters().bank_activates[0], 64u);
    EXPECT_LT(b, a * 0.6);
}

INSTANTIATE_TEST_SUITE_P(Presets, Bandwidth, shipped_presets(), preset_test_name);
