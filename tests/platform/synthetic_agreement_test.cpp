// The TLM model and the independent C reference model agree, bit for bit, on synthetic
// networks of several shapes with thresholds above zero (the reference provides the
// gold of a synthetic job).
#include <gtest/gtest.h>

#include "tests/platform/job_fixture.h"

using vp_test::run_vp_job;

struct Shape {
    unsigned layers, inputs, hidden, steps;
    int threshold;
};

class SyntheticAgreement : public ::testing::TestWithParam<Shape> {};

TEST_P(SyntheticAgreement, TlmModelEqualsReferenceModel) {
    const Shape s = GetParam();
    const auto r = run_vp_job("edgedrnn-ideal.cfg", {
        {"synthetic.layers", std::to_string(s.layers)},
        {"synthetic.input_size", std::to_string(s.inputs)},
        {"synthetic.hidden_size", std::to_string(s.hidden)},
        {"synthetic.timesteps", std::to_string(s.steps)},
        {"synthetic.thx", std::to_string(s.threshold)},
        {"synthetic.thh", std::to_string(s.threshold)},
        {"synthetic.seed", "42"}});
    EXPECT_EQ(r.exit_status, 0);
    EXPECT_EQ(r.stats["run.timesteps_completed"], s.steps);
    EXPECT_EQ(r.stats["run.mismatches_rnn"], 0);
    EXPECT_EQ(r.stats["run.mismatches_fc"], 0);
    // Thresholds above zero must skip some columns but not all.
    const double sparsity = r.stats["edgedrnn.sparsity"].get<double>();
    EXPECT_GT(sparsity, 0.05);
    EXPECT_LT(sparsity, 0.999);
}

INSTANTIATE_TEST_SUITE_P(Shapes, SyntheticAgreement,
                         ::testing::Values(Shape{1, 8, 16, 300, 4}, Shape{2, 16, 64, 200, 8},
                                           Shape{2, 40, 128, 100, 16}, Shape{3, 24, 96, 100, 12},
                                           Shape{2, 64, 256, 60, 24}, Shape{4, 16, 32, 150, 6}),
                         [](const auto& info) {
                             const Shape& s = info.param;
                             return "L" + std::to_string(s.layers) + "_I" + std::to_string(s.inputs) +
                                    "_H" + std::to_string(s.hidden) + "_th" + std::to_string(s.threshold);
                         });
