// SPEC 2 / 4.3: 10-bit signed thresholds and the delta pass rule.
#include <gtest/gtest.h>

#include <cstdint>

#include "peripherals/edgedrnn/gru_arith.h"
#include "tests/arith/implementations.h"

namespace {

using arith_test::ArithImpl;

class Threshold : public ::testing::TestWithParam<ArithImpl> {
protected:
    bool passes(int delta, uint32_t th_reg) const {
        return GetParam().delta_passes(static_cast<int16_t>(delta), th_reg);
    }
};

TEST_P(Threshold, DeltaEqualToThresholdPassesInBothSigns) {
    EXPECT_TRUE(passes(6, 6));
    EXPECT_TRUE(passes(-6, 6));
    EXPECT_FALSE(passes(5, 6));
    EXPECT_FALSE(passes(-5, 6));
    EXPECT_TRUE(passes(511, 511));
    EXPECT_FALSE(passes(510, 511));
    EXPECT_TRUE(passes(INT16_MAX, 511));
    EXPECT_TRUE(passes(INT16_MIN, 511));
}

TEST_P(Threshold, ZeroDeltaNeverPasses) {
    for (uint32_t reg : {0u, 1u, 6u, 511u, 512u, 600u, 1023u, 1024u, 1030u})
        EXPECT_FALSE(passes(0, reg)) << reg;
}

TEST_P(Threshold, BitsAbove9AreIgnored) {
    // 1030 = 0x406: the field is 6.
    for (int delta = INT16_MIN; delta <= INT16_MAX; ++delta)
        ASSERT_EQ(passes(delta, 1030), passes(delta, 6)) << delta;
    EXPECT_TRUE(passes(6, 1030));
    EXPECT_FALSE(passes(5, 1030));
    // The reset value 1024 is field 0.
    EXPECT_TRUE(passes(1, 1024));
}

TEST_P(Threshold, NegativeFieldBehavesAsZero) {
    // Bit 9 set: 512 (-512), 600 (-424), 1023 (-1). Every non-zero delta passes.
    for (uint32_t reg : {512u, 600u, 1023u, 0x3FFu | 0x400u}) {
        EXPECT_TRUE(passes(1, reg)) << reg;
        EXPECT_TRUE(passes(-1, reg)) << reg;
        EXPECT_TRUE(passes(INT16_MIN, reg)) << reg;
        EXPECT_FALSE(passes(0, reg)) << reg;
    }
}

// Exhaustive against the rule stated in SPEC 4.3, for every 10-bit field value.
TEST_P(Threshold, FollowsTheRuleForEveryFieldAndDelta) {
    for (uint32_t reg = 0; reg < 1024; ++reg) {
        const int th = reg & 0x200 ? 0 : static_cast<int>(reg);
        for (int delta = INT16_MIN; delta <= INT16_MAX; ++delta) {
            const bool expected = delta != 0 && (delta >= th || delta <= -th);
            ASSERT_EQ(passes(delta, reg), expected) << "reg=" << reg << " delta=" << delta;
        }
    }
}

ARITH_INSTANTIATE_FOR_BOTH(Threshold);

TEST(ThresholdFromRegister, DecodesTheSigned10BitField) {
    EXPECT_EQ(edgedrnn::threshold_from_register(0), 0);
    EXPECT_EQ(edgedrnn::threshold_from_register(6), 6);
    EXPECT_EQ(edgedrnn::threshold_from_register(1030), 6);
    EXPECT_EQ(edgedrnn::threshold_from_register(511), 511);
    EXPECT_EQ(edgedrnn::threshold_from_register(512), 0);
    EXPECT_EQ(edgedrnn::threshold_from_register(600), 0);
    EXPECT_EQ(edgedrnn::threshold_from_register(1023), 0);
    EXPECT_EQ(edgedrnn::threshold_from_register(1024), 0);
    EXPECT_EQ(edgedrnn::threshold_from_register(0xFFFFF808u), 8);
}

// The encoder's eight-at-a-time test against delta_passes, for every threshold the
// register can give and differences that wrap at 16 bits.
TEST(Threshold, EightItemTestMatchesDeltaPasses) {
    uint64_t rng = 3;
    auto next = [&rng] {
        rng = rng * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int16_t>(rng >> 48);
    };
    for (int th = 0; th <= 511; ++th) {
        const auto threshold = static_cast<int16_t>(th);
        for (int rep = 0; rep < 200; ++rep) {
            int16_t x[8], ref[8];
            for (unsigned i = 0; i < 8; ++i) {
                ref[i] = next();
                // Near the threshold, zero, or anything (wrapping).
                const int16_t near = static_cast<int16_t>(th + (next() % 3) - 1);
                switch ((rep + i) % 4) {
                    case 0: x[i] = static_cast<int16_t>(ref[i] + near); break;
                    case 1: x[i] = static_cast<int16_t>(ref[i] - near); break;
                    case 2: x[i] = ref[i]; break;
                    default: x[i] = next(); break;
                }
            }
            unsigned want = 0;
            for (unsigned i = 0; i < 8; ++i)
                want |= unsigned{edgedrnn::delta_passes(edgedrnn::wrap16(x[i] - ref[i]), threshold)} << i;
            ASSERT_EQ(edgedrnn::passing_deltas_x8(x, ref, threshold), want) << "threshold " << th;
        }
    }
    const int16_t lo[8] = {INT16_MIN, INT16_MAX, 0, -1, 1, INT16_MIN, 511, -511};
    const int16_t hi[8] = {INT16_MAX, INT16_MIN, 0, 0, 0, 0, 0, 0};
    for (int16_t th : {int16_t{0}, int16_t{1}, int16_t{511}}) {
        unsigned want = 0;
        for (unsigned i = 0; i < 8; ++i)
            want |= unsigned{edgedrnn::delta_passes(edgedrnn::wrap16(lo[i] - hi[i]), th)} << i;
        EXPECT_EQ(edgedrnn::passing_deltas_x8(lo, hi, th), want) << "threshold " << th;
    }
}

}  // namespace
