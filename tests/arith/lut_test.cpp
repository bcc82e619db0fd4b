// SPEC 4.6: the activation LUTs, against the RTL testbench tables and their properties.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "tests/arith/edgedrnn_data.h"
#include "tests/arith/implementations.h"
#include "tests/support/test_paths.h"

namespace {

using arith_test::ArithImpl;

class Lut : public ::testing::TestWithParam<ArithImpl> {};

constexpr int kSigmoidTableMin = -2048, kSigmoidTableMax = 2047;
constexpr int kTanhTableMin = -1024, kTanhTableMax = 1023;

void expect_matches_table(int16_t (*lut)(int16_t), const std::string& path, int first,
                          int last) {
    const auto table = arith_test::read_lut_table(path);
    ASSERT_EQ(table.size(), static_cast<size_t>(last - first + 1)) << path;
    int mismatches = 0;
    for (const auto& [in, out] : table) {
        if (lut(static_cast<int16_t>(in)) != out && ++mismatches <= 5)
            ADD_FAILURE() << path << ": input " << in << " expected " << out << " got "
                          << lut(static_cast<int16_t>(in));
    }
    EXPECT_EQ(mismatches, 0);
    EXPECT_EQ(table.front().first, first);
    EXPECT_EQ(table.back().first, last);
}

TEST_P(Lut, SigmoidMatchesEveryTestbenchEntry) {
    VP_REQUIRE_SHARED_DATA(dir);
    expect_matches_table(GetParam().sigmoid, dir + "/rtl-testbench/sigmoid_lut.txt",
                         kSigmoidTableMin, kSigmoidTableMax);
}

TEST_P(Lut, TanhMatchesEveryTestbenchEntry) {
    VP_REQUIRE_SHARED_DATA(dir);
    expect_matches_table(GetParam().tanh, dir + "/rtl-testbench/tanh_lut.txt", kTanhTableMin,
                         kTanhTableMax);
}

// Beyond the tabulated range the outputs stay at the rails for every 16-bit input.
TEST_P(Lut, SaturatesOutsideTheTabulatedRange) {
    for (int x = kSigmoidTableMax + 1; x <= INT16_MAX; ++x)
        ASSERT_EQ(GetParam().sigmoid(static_cast<int16_t>(x)), 256) << x;
    for (int x = INT16_MIN; x < kSigmoidTableMin; ++x)
        ASSERT_EQ(GetParam().sigmoid(static_cast<int16_t>(x)), 0) << x;
    for (int x = kTanhTableMax + 1; x <= INT16_MAX; ++x)
        ASSERT_EQ(GetParam().tanh(static_cast<int16_t>(x)), 256) << x;
    for (int x = INT16_MIN; x < kTanhTableMin; ++x)
        ASSERT_EQ(GetParam().tanh(static_cast<int16_t>(x)), -256) << x;
    // The saturation points themselves (SPEC 4.6).
    EXPECT_EQ(GetParam().sigmoid(879), 240);
    EXPECT_EQ(GetParam().sigmoid(880), 256);
    EXPECT_EQ(GetParam().sigmoid(-879), 16);
    EXPECT_EQ(GetParam().sigmoid(-880), 0);
    EXPECT_EQ(GetParam().tanh(530), 240);
    EXPECT_EQ(GetParam().tanh(531), 256);
    EXPECT_EQ(GetParam().tanh(-530), -240);
    EXPECT_EQ(GetParam().tanh(-531), -256);
}

TEST_P(Lut, IsSymmetricOverAll16BitInputs) {
    for (int x = INT16_MIN + 1; x <= INT16_MAX; ++x) {
        const auto pos = static_cast<int16_t>(x), neg = static_cast<int16_t>(-x);
        ASSERT_EQ(GetParam().sigmoid(neg), 256 - GetParam().sigmoid(pos)) << x;
        ASSERT_EQ(GetParam().tanh(neg), -GetParam().tanh(pos)) << x;
    }
    EXPECT_EQ(GetParam().sigmoid(INT16_MIN), 0);
    EXPECT_EQ(GetParam().tanh(INT16_MIN), -256);
}

// Entry for X is 16 * round_half_even(16 * f(X / 256)), evaluated in double precision.
TEST_P(Lut, FollowsTheDefiningFormulaOnEveryInput) {
    for (int x = INT16_MIN; x <= INT16_MAX; ++x) {
        const double real = x / 256.0;
        const double sigmoid = 16 * std::nearbyint(16 / (1 + std::exp(-real)));
        const double tanh = 16 * std::nearbyint(16 * std::tanh(real));
        ASSERT_EQ(GetParam().sigmoid(static_cast<int16_t>(x)), sigmoid) << x;
        ASSERT_EQ(GetParam().tanh(static_cast<int16_t>(x)), tanh) << x;
    }
}

ARITH_INSTANTIATE_FOR_BOTH(Lut);

}  // namespace
