// count_bursts against a reference that walks the transfer beat by beat, as an AXI
// master issuing the longest legal INCR bursts would.
#include <gtest/gtest.h>

#include <random>

#include "vp/interconnect/burst_math.h"

namespace {

vp::BurstCount walk(uint64_t address, uint64_t bytes, unsigned width, unsigned max_beats) {
    vp::BurstCount c;
    if (bytes == 0) return c;
    uint64_t beat = address / width;
    const uint64_t last = (address + bytes - 1) / width;
    unsigned in_burst = 0;
    for (; beat <= last; ++beat) {
        const bool new_page = (beat * width) % 4096 == 0;
        if (in_burst == 0 || in_burst == max_beats || new_page) { ++c.bursts; in_burst = 0; }
        ++in_burst;
        ++c.beats;
    }
    return c;
}

TEST(BurstMath, ClosedCases) {
    // 256 beats of 8 bytes, aligned, into an AXI3 port: 16 bursts of 16.
    EXPECT_EQ(vp::count_bursts(0x1000, 2048, 8, 16).bursts, 16u);
    EXPECT_EQ(vp::count_bursts(0x1000, 2048, 8, 16).beats, 256u);
    // The same on AXI4: one burst.
    EXPECT_EQ(vp::count_bursts(0x1000, 2048, 8, 256).bursts, 1u);
    // 512 bytes across a 4 KiB boundary: split in two even on AXI4.
    EXPECT_EQ(vp::count_bursts(0xF00, 512, 8, 256).bursts, 2u);
    // Half the width: twice the beats.
    EXPECT_EQ(vp::count_bursts(0x1000, 2048, 4, 256).beats, 512u);
    // An unaligned start costs a partial beat: 8 bytes at offset 4 on a 64-bit bus.
    EXPECT_EQ(vp::count_bursts(0x1004, 8, 8, 16).beats, 2u);
    EXPECT_EQ(vp::count_bursts(0x1000, 0, 8, 16).bursts, 0u);
    // A 1 MiB transfer on 128-byte AXI4: every 4 KiB page is one burst of 32 beats.
    EXPECT_EQ(vp::count_bursts(0, 1 << 20, 128, 256).bursts, 256u);
}

TEST(BurstMath, MatchesBeatByBeatWalk) {
    std::mt19937_64 rng(7);
    const unsigned widths[] = {1, 4, 8, 16, 128};
    const unsigned limits[] = {1, 3, 16, 256};
    for (int i = 0; i < 20000; ++i) {
        const unsigned w = widths[rng() % 5];
        const unsigned m = limits[rng() % 4];
        const uint64_t address = rng() % (1 << 16);
        const uint64_t bytes = rng() % 20000;
        const vp::BurstCount got = vp::count_bursts(address, bytes, w, m);
        const vp::BurstCount want = walk(address, bytes, w, m);
        ASSERT_EQ(got.beats, want.beats) << address << " " << bytes << " " << w << " " << m;
        ASSERT_EQ(got.bursts, want.bursts) << address << " " << bytes << " " << w << " " << m;
    }
}

// The interconnect's shortcuts: when issues_port_bursts says so, count_issued_bursts is
// count_bursts at the port's width and limit; at one width and limit, addresses with the
// same 4 KiB page offset give the same count.
TEST(BurstMath, ShortcutsAgreeWithTheFullCounts) {
    std::mt19937_64 rng(3);
    const unsigned widths[] = {1, 4, 8, 16, 128};
    const unsigned limits[] = {1, 3, 16, 256};
    const unsigned sizes[] = {0, 1, 2, 3, 4, 8, 16, 256};
    int shortcuts = 0;
    for (int i = 0; i < 20000; ++i) {
        const unsigned w = widths[rng() % 5];
        const unsigned m = limits[rng() % 4];
        const unsigned beat = sizes[rng() % 8];
        const unsigned len = rng() % 3 == 0 ? 0 : static_cast<unsigned>(rng() % 300);
        const bool fixed_or_wrap = rng() % 4 == 0;
        const uint64_t address = rng() % (1 << 16);
        const uint64_t bytes = rng() % 20000;
        if (vp::issues_port_bursts(w, m, beat, len, fixed_or_wrap)) {
            ++shortcuts;
            const vp::BurstCount issued = vp::count_issued_bursts(address, bytes, w, m, beat, len, fixed_or_wrap);
            const vp::BurstCount plain = vp::count_bursts(address, bytes, w, m);
            ASSERT_EQ(issued.beats, plain.beats);
            ASSERT_EQ(issued.bursts, plain.bursts);
        }
        const uint64_t other = (rng() % (1 << 20)) * 4096 + (address & 4095);
        ASSERT_TRUE(vp::same_page_offset(address, other));
        const vp::BurstCount a = vp::count_bursts(address, bytes, w, m);
        const vp::BurstCount b = vp::count_bursts(other, bytes, w, m);
        ASSERT_EQ(a.beats, b.beats);
        ASSERT_EQ(a.bursts, b.bursts);
    }
    EXPECT_GT(shortcuts, 1000);
    EXPECT_FALSE(vp::same_page_offset(0x1000, 0x1008));
}

}  // namespace
