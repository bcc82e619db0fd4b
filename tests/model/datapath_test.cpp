// Datapath corner cases of SPEC 6 that arithmetic alone does not show.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "peripherals/edgedrnn/delta_gru_datapath.h"
#include "peripherals/edgedrnn/gru_arith.h"

using edgedrnn::ColumnPhase;
using edgedrnn::DeltaGruDatapath;

namespace {
std::vector<int8_t> column(int8_t value) { return std::vector<int8_t>(24, value); }
}  // namespace

TEST(DeltaGruDatapath, H8BackToBackColumnsLoseTheFirstUpdate) {
    // H = 8 (G = 1): beat b reads row b at s + b and writes it at s + b + 3; the next
    // column starting at s + 3 reads each row in the cycle of the pending write and gets
    // the old value, so the first column's update is lost (SPEC 6, verified on the RTL).
    DeltaGruDatapath dp;
    const auto a = column(3), b = column(5);
    dp.accumulate_g1(0, ColumnPhase::Hidden, a.data(), 100, 0);
    dp.accumulate_g1(0, ColumnPhase::Hidden, b.data(), 100, 3);
    dp.flush_pending(0);
    for (unsigned i = 0; i < 8; ++i) {
        EXPECT_EQ(dp.accumulator(0, i), 500) << "M_r lane " << i;
        EXPECT_EQ(dp.accumulator(0, 8 + i), 500) << "M_u lane " << i;
        EXPECT_EQ(dp.accumulator(0, 16 + i), 500) << "M_ch lane " << i;
    }
}

TEST(DeltaGruDatapath, H8ColumnsWithAnIdleCycleBetweenKeepBothUpdates) {
    DeltaGruDatapath dp;
    const auto a = column(3), b = column(5);
    dp.accumulate_g1(0, ColumnPhase::Input, a.data(), 100, 0);
    dp.accumulate_g1(0, ColumnPhase::Input, b.data(), 100, 4);
    dp.flush_pending(0);
    for (unsigned i = 0; i < 8; ++i) {
        EXPECT_EQ(dp.accumulator(0, i), 800);
        EXPECT_EQ(dp.accumulator(0, 24 + i), 800) << "M_cx lane " << i;
        EXPECT_EQ(dp.accumulator(0, 16 + i), 0) << "M_ch untouched by input columns";
    }
}

TEST(DeltaGruDatapath, H8BackToBackColumnsOfDifferentPhasesKeepTheCandidateRow) {
    // Beat 2 goes to M_ch (hidden) or M_cx (input): different rows, no lost update there.
    DeltaGruDatapath dp;
    const auto a = column(3), b = column(5);
    dp.accumulate_g1(0, ColumnPhase::Input, a.data(), 100, 0);
    dp.accumulate_g1(0, ColumnPhase::Hidden, b.data(), 100, 3);
    dp.flush_pending(0);
    EXPECT_EQ(dp.accumulator(0, 0), 500);
    EXPECT_EQ(dp.accumulator(0, 24), 300);  // M_cx from the input column
    EXPECT_EQ(dp.accumulator(0, 16), 500);  // M_ch from the hidden column
}

TEST(DeltaGruDatapath, AccumulatorsWrapAt24Bits) {
    DeltaGruDatapath dp;
    std::vector<int8_t> w(48, 127);
    // 127 * 32767 per column; 3 columns exceed 2^23 and wrap.
    for (int k = 0; k < 3; ++k) dp.accumulate(0, 16, ColumnPhase::Input, w.data(), 32767);
    const int64_t exact = 3LL * 127 * 32767;
    const int64_t wrapped = ((exact + (1 << 23)) & 0xFFFFFF) - (1 << 23);
    EXPECT_EQ(dp.accumulator(0, 0), wrapped);
}

// Columns are added two at a time (a deferred column waits for the next). A caller that
// yields flushes the waiting column first: later writes to the weights' memory must not
// reach it, as the hardware had read them at fetch time.
TEST(DeltaGruDatapath, AFlushedDeferredColumnIsNotChangedByLaterWritesToItsWeights) {
    DeltaGruDatapath dp;
    const unsigned h = 16;
    std::vector<int8_t> memory(3 * h, 2);           // the first column as fetched
    dp.accumulate(0, h, ColumnPhase::Input, memory.data(), 10);
    dp.flush_deferred();                             // the accelerator yields here
    std::fill(memory.begin(), memory.end(), 100);    // another master rewrites the weights
    const std::vector<int8_t> second(3 * h, 3);
    dp.accumulate(0, h, ColumnPhase::Hidden, second.data(), 1000);
    for (unsigned i = 0; i < h; ++i) {
        EXPECT_EQ(dp.accumulator(0, i), 2 * 10 + 3 * 1000) << "M_r " << i;
        EXPECT_EQ(dp.accumulator(0, h + i), 2 * 10 + 3 * 1000) << "M_u " << i;
        EXPECT_EQ(dp.accumulator(0, 2 * h + i), 3 * 1000) << "M_ch (hidden column) " << i;
        EXPECT_EQ(dp.accumulator(0, 3 * h + i), 2 * 10) << "M_cx (input column) " << i;
    }
}

TEST(DeltaGruDatapath, GroupedColumnsEqualColumnsAddedOneByOne) {
    // An odd number of columns of mixed phases, with a flush (an accumulator read) midway.
    DeltaGruDatapath paired, single;
    const unsigned h = 32;
    std::vector<std::vector<int8_t>> columns;
    for (int c = 0; c < 5; ++c) {
        columns.emplace_back(3 * h);
        for (unsigned i = 0; i < 3 * h; ++i) columns.back()[i] = static_cast<int8_t>(i * 7 + c * 13 - 128);
    }
    const int16_t deltas[] = {300, -32768, 5, 32767, -77};
    for (int c = 0; c < 5; ++c) {
        const ColumnPhase phase = c % 2 ? ColumnPhase::Hidden : ColumnPhase::Input;
        paired.accumulate(1, h, phase, columns[c].data(), deltas[c]);
        single.accumulate(1, h, phase, columns[c].data(), deltas[c]);
        single.flush_deferred();  // one by one
        if (c == 2) {
            EXPECT_EQ(paired.accumulator(1, 0), single.accumulator(1, 0));
        }
    }
    for (unsigned i = 0; i < 4 * h; ++i) EXPECT_EQ(paired.accumulator(1, i), single.accumulator(1, i)) << i;
}

TEST(DeltaGruDatapath, GroupedColumnsEqualTheDefinitionForEveryPhaseMixAndFlushPoint) {
    // Up to four columns wait and are added together (four, two or one at a time, the
    // candidate part grouped by phase). Every phase pattern of a group, groups cut short
    // by accumulator reads and a layer switch, against the accumulators computed column
    // by column from SPEC 4.4.
    const unsigned h = 48;  // 2H and H leave vector tails
    std::vector<std::vector<int8_t>> columns(64, std::vector<int8_t>(3 * h));
    uint32_t seed = 5;
    auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (auto& c : columns)
        for (int8_t& w : c) w = static_cast<int8_t>(next() >> 24);
    columns[0].assign(3 * h, -128);
    DeltaGruDatapath dp;
    std::vector<uint32_t> want(2 * 4 * h, 0);  // layers 0 and 1
    for (unsigned c = 0; c < columns.size(); ++c) {
        const unsigned layer = c < 40 ? 0 : 1;
        const ColumnPhase phase = (next() >> 28) % 2 ? ColumnPhase::Hidden : ColumnPhase::Input;
        const int16_t delta = c % 7 == 0 ? int16_t{-32768} : static_cast<int16_t>(next() >> 16);
        dp.accumulate(layer, h, phase, columns[c].data(), delta);
        uint32_t* m = want.data() + layer * 4 * h;
        for (unsigned i = 0; i < 2 * h; ++i) m[i] += static_cast<uint32_t>(columns[c][i] * int32_t{delta});
        uint32_t* candidate = m + (phase == ColumnPhase::Hidden ? 2 * h : 3 * h);
        for (unsigned i = 0; i < h; ++i)
            candidate[i] += static_cast<uint32_t>(columns[c][2 * h + i] * int32_t{delta});
        if (c % 11 == 5) {  // a read flushes a partial group
            EXPECT_EQ(dp.accumulator(layer, h + 3), edgedrnn::wrap24(m[h + 3])) << "column " << c;
        }
    }
    for (unsigned layer = 0; layer < 2; ++layer)
        for (unsigned i = 0; i < 4 * h; ++i)
            ASSERT_EQ(dp.accumulator(layer, i), edgedrnn::wrap24(want[layer * 4 * h + i])) << layer << ", " << i;
}
