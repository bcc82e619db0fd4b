// The per-path burst memo (path_bursts.h) answers as count_path_bursts does, whatever
// the order of shapes and AXI attributes it sees.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>

#include "vp/interconnect/path_bursts.h"

namespace {

vp::PortParams port(unsigned width, unsigned max_beats) {
    vp::PortParams p;
    p.name = "p";
    p.width_bytes = width;
    p.max_burst_beats = max_beats;
    return p;
}

void expect_same(const vp::PathBursts& a, const vp::PathBursts& b) {
    EXPECT_EQ(a.initiator_side.beats, b.initiator_side.beats);
    EXPECT_EQ(a.initiator_side.bursts, b.initiator_side.bursts);
    EXPECT_EQ(a.target_side.beats, b.target_side.beats);
    EXPECT_EQ(a.target_side.bursts, b.target_side.bursts);
}

}  // namespace

TEST(PathBurstMemo, AnswersAsTheCountForEveryShape) {
    const vp::PortParams in = port(8, 16), out = port(4, 256);
    vp::AxiExtension ext;
    vp::PathBurstMemo memo;
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20000; ++i) {
        // Few distinct shapes, so the memo hits, and attribute changes now and then.
        const uint64_t address = 0x10000000 + (rng() % 64) * 0x900 + (rng() % 4 == 0 ? rng() % 16 : 0);
        const uint64_t offset = rng() % 3 == 0 ? 0x1000 * (rng() % 4) + 0x40 : 0;
        const uint64_t bytes = rng() % 8 == 0 ? rng() % 9000 : 2304;
        if (rng() % 500 == 0) {
            ext.size_bytes = static_cast<uint8_t>(rng() % 2 ? 4 : 0);
            ext.burst_beats = static_cast<uint16_t>(rng() % 2 ? 8 : 0);
            ext.burst = rng() % 3 == 0 ? vp::AxiExtension::Burst::Wrap : vp::AxiExtension::Burst::Incr;
        }
        const vp::AxiExtension* e = rng() % 10 == 0 ? nullptr : &ext;
        expect_same(memo.get(in, out, e, address, address + offset, bytes),
                    vp::count_path_bursts(in, out, e, address, address + offset, bytes));
    }
}
