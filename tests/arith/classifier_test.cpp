// SPEC 4.7: the CPU-side classifier, against the SDK export's gold_fc.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "software/nn/fc_classifier.h"
#include "tests/arith/edgedrnn_data.h"
#include "tests/support/test_paths.h"

namespace {

TEST(FcClassifierQ88, RoundsHalfToEvenInBothDirections) {
    EXPECT_EQ(fc_classifier_q88(64), 0);     // 0.5 -> 0
    EXPECT_EQ(fc_classifier_q88(192), 2);    // 1.5 -> 2
    EXPECT_EQ(fc_classifier_q88(320), 2);    // 2.5 -> 2
    EXPECT_EQ(fc_classifier_q88(-64), 0);    // -0.5 -> 0
    EXPECT_EQ(fc_classifier_q88(-192), -2);  // -1.5 -> -2
    EXPECT_EQ(fc_classifier_q88(-320), -2);  // -2.5 -> -2
    EXPECT_EQ(fc_classifier_q88(65), 1);
    EXPECT_EQ(fc_classifier_q88(-65), -1);
    EXPECT_EQ(fc_classifier_q88(63), 0);
    EXPECT_EQ(fc_classifier_q88(-63), 0);
    EXPECT_EQ(fc_classifier_q88(-128 * 300), -300);
}

TEST(FcClassifierQ88, SaturatesOutsideQ88) {
    EXPECT_EQ(fc_classifier_q88(32767 * 128), 32767);
    EXPECT_EQ(fc_classifier_q88(32767 * 128 + 64), 32767);  // tie to even 32768: clipped
    EXPECT_EQ(fc_classifier_q88(INT32_MAX), 32767);
    EXPECT_EQ(fc_classifier_q88(-32768 * 128), -32768);
    EXPECT_EQ(fc_classifier_q88(INT32_MIN), -32768);
}

TEST(FcClassifierRaw, SumsProductsPlusScaledBias) {
    const int16_t h[] = {256, -512, 3};
    const int8_t weight[] = {1, 2, 3, 4, 5, 6};  // [i * 2 + o]
    const int8_t bias[] = {-1, 7};
    EXPECT_EQ(fc_classifier_raw(h, 3, weight, bias, 2, 0), 256 * 1 - 512 * 3 + 3 * 5 - 256);
    EXPECT_EQ(fc_classifier_raw(h, 3, weight, bias, 2, 1), 256 * 2 - 512 * 4 + 3 * 6 + 7 * 256);
}

TEST(FcClassifierRaw, WrapsAt32Bits) {
    const std::vector<int16_t> h(1024, INT16_MIN);
    const std::vector<int8_t> weight(1024, -128);
    const int8_t bias[] = {0};
    // 1024 * 2^15 * 2^7 = 2^32 wraps to 0.
    EXPECT_EQ(fc_classifier_raw(h.data(), 1024, weight.data(), bias, 1, 0), 0);
}

TEST(FcClassifier, MatchesSdkGoldFcOnTheRealNetwork) {
    VP_REQUIRE_SHARED_DATA(dir);
    const std::string sdk = dir + "/sdk-export/";
    const auto weight = arith_test::narrow_all<int8_t>(
        arith_test::read_c_array(sdk + "edgedrnn_params.c", "cl_weight"));
    const auto bias = arith_test::narrow_all<int8_t>(
        arith_test::read_c_array(sdk + "edgedrnn_params.c", "cl_bias"));
    const auto gold_rnn = arith_test::narrow_all<int16_t>(
        arith_test::read_c_array(sdk + "edgedrnn_test.c", "edgedrnn_test_gold_rnn"));
    const auto gold_fc = arith_test::read_c_array(sdk + "edgedrnn_test.c", "edgedrnn_test_gold_fc");
    constexpr unsigned kHidden = 16, kOutputs = 2, kSteps = 1000;
    ASSERT_EQ(weight.size(), kHidden * kOutputs);
    ASSERT_EQ(bias.size(), kOutputs);
    ASSERT_EQ(gold_rnn.size(), kHidden * kSteps);
    ASSERT_EQ(gold_fc.size(), kOutputs * kSteps);

    unsigned mismatches = 0;
    for (unsigned t = 0; t < kSteps; ++t) {
        for (unsigned o = 0; o < kOutputs; ++o) {
            const int32_t acc = fc_classifier_raw(&gold_rnn[t * kHidden], kHidden, weight.data(),
                                                  bias.data(), kOutputs, o);
            // The float gold is an exact Q8.8 value.
            const double expected_q88 = gold_fc[t * kOutputs + o] * 256.0;
            mismatches += fc_classifier_q88(acc) != expected_q88;
        }
    }
    EXPECT_EQ(mismatches, 0u) << "of " << kSteps * kOutputs;
}

}  // namespace
