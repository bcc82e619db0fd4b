// SPEC 2 / 4.3: 10-bit signed thresholds and the delta pass rule.
#include <gtest/gtest.h>

#include <cstdint>

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

}  // namespace
