// The C reference model (SPEC 4) on the real EdgeDRNN network: bit-exact against the
// RTL testbench's and the SDK export's golden outputs, the sparsity table of SPEC 8,
// the bias re-application after reset (SPEC 4.8) and the configuration checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "software/reference/edgedrnn_ref.h"
#include "tests/arith/edgedrnn_data.h"
#include "tests/support/test_paths.h"

namespace {

constexpr unsigned kInputs = 8, kHidden = 16, kLayers = 2, kSteps = 1000;
constexpr unsigned kWeightBytes = 58 * 48;

struct RealData {
    std::vector<int8_t> weights;
    std::vector<int16_t> stim;  // [t * kInputs + i]
    std::vector<int16_t> gold;  // [t * kHidden + i]
};

RealData load_testbench(const std::string& dir) {
    const std::string tb = dir + "/rtl-testbench/";
    return {arith_test::narrow_all<int8_t>(
                arith_test::read_hex_lanes_flat(tb + "edgedrnn_tb_params.txt", 8)),
            arith_test::narrow_all<int16_t>(
                arith_test::read_hex_lanes_flat(tb + "edgedrnn_tb_stim.txt", 16)),
            arith_test::narrow_all<int16_t>(
                arith_test::read_hex_lanes_flat(tb + "edgedrnn_tb_gold_rnn.txt", 16))};
}

RealData load_sdk_export(const std::string& dir) {
    const std::string sdk = dir + "/sdk-export/";
    return {arith_test::narrow_all<int8_t>(
                arith_test::read_c_array(sdk + "edgedrnn_params.c", "rnn_param")),
            arith_test::narrow_all<int16_t>(
                arith_test::read_c_array(sdk + "edgedrnn_test.c", "edgedrnn_test_stim")),
            arith_test::narrow_all<int16_t>(
                arith_test::read_c_array(sdk + "edgedrnn_test.c", "edgedrnn_test_gold_rnn"))};
}

edgedrnn_ref_config real_config(const std::vector<int8_t>& weights, uint32_t thx,
                                uint32_t thh) {
    edgedrnn_ref_config cfg{};
    cfg.num_layers = kLayers;
    cfg.input_size = kInputs;
    cfg.hidden[0] = cfg.hidden[1] = kHidden;
    cfg.weights = weights.data();
    cfg.weight_bytes = static_cast<uint32_t>(weights.size());
    cfg.thx_reg = thx;
    cfg.thh_reg = thh;
    return cfg;
}

// The reference model with its state memory, for one run.
class RefRun {
public:
    explicit RefRun(const edgedrnn_ref_config& cfg)
        : state_((edgedrnn_ref_state_bytes(&cfg) + 7) / 8) {
        init_status_ = edgedrnn_ref_init(&ref_, &cfg, state_.data(), state_.size() * 8);
    }
    int init_status() const { return init_status_; }
    edgedrnn_ref* get() { return &ref_; }

private:
    std::vector<uint64_t> state_;  // uint64_t: 8-byte alignment
    edgedrnn_ref ref_{};
    int init_status_ = -1;
};

struct RunResult {
    std::vector<int16_t> outputs;               // [t * kHidden + i]
    std::vector<edgedrnn_ref_step_stats> stats;  // per step
};

// Runs all steps; resets the model (rst_n) before step reset_before_step if given.
RunResult run_network(const RealData& data, uint32_t thx, uint32_t thh,
                      long reset_before_step = -1) {
    RefRun run(real_config(data.weights, thx, thh));
    EXPECT_EQ(run.init_status(), 0);
    RunResult result{std::vector<int16_t>(kSteps * kHidden), {}};
    for (unsigned t = 0; t < kSteps; ++t) {
        if (static_cast<long>(t) == reset_before_step) edgedrnn_ref_reset(run.get());
        edgedrnn_ref_step_stats stats{};
        edgedrnn_ref_step(run.get(), &data.stim[t * kInputs], &result.outputs[t * kHidden],
                          &stats);
        result.stats.push_back(stats);
    }
    return result;
}

size_t count_mismatches(const std::vector<int16_t>& a, const std::vector<int16_t>& b) {
    size_t mismatches = 0;
    for (size_t i = 0; i < a.size(); ++i) mismatches += a[i] != b[i];
    return mismatches;
}

void expect_bit_exact(const RealData& data) {
    ASSERT_EQ(data.weights.size(), kWeightBytes);
    ASSERT_EQ(data.stim.size(), kSteps * kInputs);
    ASSERT_EQ(data.gold.size(), kSteps * kHidden);
    const RunResult result = run_network(data, 0, 0);
    EXPECT_EQ(count_mismatches(result.outputs, data.gold), 0u) << "of " << data.gold.size();
}

TEST(ReferenceModel, MatchesRtlTestbenchGoldBitExact) {
    VP_REQUIRE_SHARED_DATA(dir);
    expect_bit_exact(load_testbench(dir));
}

TEST(ReferenceModel, MatchesSdkExportGoldBitExact) {
    VP_REQUIRE_SHARED_DATA(dir);
    expect_bit_exact(load_sdk_export(dir));
}

// Per-step means of SPEC 8's sparsity table; columns exclude the bias column.
struct SparsityRow {
    uint32_t threshold;
    double l1_dx, l1_dh, l2_dx, l2_dh, columns;
};

class Sparsity : public ::testing::TestWithParam<SparsityRow> {};

TEST_P(Sparsity, MatchesSpecTable) {
    VP_REQUIRE_SHARED_DATA(dir);
    const SparsityRow row = GetParam();
    const RunResult result = run_network(load_testbench(dir), row.threshold, row.threshold);
    double dx[kLayers] = {}, dh[kLayers] = {}, columns = 0;
    for (const auto& s : result.stats) {
        columns += s.columns - s.bias_columns;
        for (unsigned l = 0; l < kLayers; ++l) {
            dx[l] += s.dx[l];
            dh[l] += s.dh[l];
        }
    }
    constexpr double kTwoDecimals = 0.005 + 1e-9;
    EXPECT_NEAR(columns / kSteps, row.columns, kTwoDecimals);
    EXPECT_NEAR(dx[0] / kSteps, row.l1_dx, kTwoDecimals);
    EXPECT_NEAR(dh[0] / kSteps, row.l1_dh, kTwoDecimals);
    EXPECT_NEAR(dx[1] / kSteps, row.l2_dx, kTwoDecimals);
    EXPECT_NEAR(dh[1] / kSteps, row.l2_dh, kTwoDecimals);
}

INSTANTIATE_TEST_SUITE_P(Spec8, Sparsity,
                         ::testing::Values(SparsityRow{0, 2.40, 6.88, 6.89, 5.33, 21.50},
                                           SparsityRow{8, 0.70, 3.91, 3.92, 3.36, 11.89},
                                           SparsityRow{16, 0.43, 2.14, 2.15, 2.43, 7.15},
                                           SparsityRow{32, 0.22, 0.95, 0.95, 1.11, 3.24},
                                           SparsityRow{64, 0.11, 0.31, 0.32, 0.48, 1.22}),
                         [](const auto& info) {
                             return "Threshold" + std::to_string(info.param.threshold);
                         });

TEST(ReferenceModel, BiasIsFetchedOncePerLayerAfterConfiguration) {
    VP_REQUIRE_SHARED_DATA(dir);
    const RunResult result = run_network(load_testbench(dir), 0, 0);
    EXPECT_EQ(result.stats[0].bias_columns, kLayers);
    for (unsigned t = 1; t < kSteps; ++t) ASSERT_EQ(result.stats[t].bias_columns, 0u) << t;
}

// SPEC 4.8: rst_n keeps all state but re-arms the bias, which is then added again.
TEST(ReferenceModel, ResetReappliesTheBiasAndKeepsTheState) {
    VP_REQUIRE_SHARED_DATA(dir);
    const RealData data = load_testbench(dir);
    constexpr long kResetStep = 500;
    const RunResult plain = run_network(data, 0, 0);
    const RunResult reset = run_network(data, 0, 0, kResetStep);

    EXPECT_EQ(reset.stats[kResetStep].bias_columns, kLayers);
    // Layer 1's deltas come from state before the step, so only the bias is added there;
    // the second bias then changes h_1 and hence layer 2's input deltas.
    EXPECT_EQ(reset.stats[kResetStep].dx[0], plain.stats[kResetStep].dx[0]);
    EXPECT_EQ(reset.stats[kResetStep].dh[0], plain.stats[kResetStep].dh[0]);
    EXPECT_EQ(reset.stats[kResetStep + 1].bias_columns, 0u);
    const auto split = plain.outputs.begin() + kResetStep * kHidden;
    // Before the reset both runs are identical; the state is kept (not zeroed), so the
    // difference afterwards comes from the second bias only.
    EXPECT_TRUE(std::equal(plain.outputs.begin(), split, reset.outputs.begin()));
    EXPECT_FALSE(std::equal(split, plain.outputs.end(),
                            reset.outputs.begin() + kResetStep * kHidden));
}

TEST(ReferenceModel, BiasAboveThxIsNeverApplied) {
    VP_REQUIRE_SHARED_DATA(dir);
    const RunResult result = run_network(load_testbench(dir), 257, 0);
    for (unsigned t = 0; t < kSteps; ++t) ASSERT_EQ(result.stats[t].bias_columns, 0u) << t;
    EXPECT_EQ(run_network(load_testbench(dir), 256, 0).stats[0].bias_columns, kLayers);
}

// ---- configuration checks (SPEC 6), on a zero image -------------------------------

edgedrnn_ref_config zero_config(const std::vector<int8_t>& image) {
    return real_config(image, 0, 0);
}

int init_status(const edgedrnn_ref_config& cfg) { return RefRun(cfg).init_status(); }

TEST(ReferenceModelConfig, AcceptsTheShippedShape) {
    const std::vector<int8_t> image(kWeightBytes);
    EXPECT_EQ(init_status(zero_config(image)), 0);
}

TEST(ReferenceModelConfig, RejectsAnImageOneByteTooSmall) {
    const std::vector<int8_t> image(kWeightBytes - 1);
    EXPECT_EQ(init_status(zero_config(image)), -1);
}

TEST(ReferenceModelConfig, RejectsShapesOutsideSpecLimits) {
    const std::vector<int8_t> image(1 << 20);
    auto expect_rejected = [&](auto mutate, const char* what) {
        edgedrnn_ref_config cfg = zero_config(image);
        mutate(cfg);
        EXPECT_EQ(init_status(cfg), -1) << what;
    };
    expect_rejected([](auto& c) { c.num_layers = 0; }, "0 layers");
    expect_rejected([](auto& c) { c.num_layers = 5; }, "5 layers");
    expect_rejected([](auto& c) { c.input_size = 12; }, "I not a multiple of 8");
    expect_rejected([](auto& c) { c.input_size = 0; }, "I = 0");
    expect_rejected([](auto& c) { c.input_size = 1032; }, "I > 1024");
    expect_rejected([](auto& c) { c.hidden[0] = c.hidden[1] = 8; }, "H = 8");
    expect_rejected([](auto& c) { c.hidden[1] = 20; }, "H not a multiple of 8");
    expect_rejected([](auto& c) { c.hidden[0] = 32; }, "decreasing hidden sizes");
    expect_rejected([](auto& c) { c.hidden[0] = c.hidden[1] = 1032; }, "H > 1024");
    expect_rejected([](auto& c) { c.weights = nullptr; }, "no weights");
}

// Layer 2 with H = 32 starts at column C_2 = 8 + 16 + 1 = 25, i.e. at byte 25 * 96 (not
// at the end of layer 1's 25 * 48 bytes), and ends after 1 + 16 + 32 more columns.
constexpr unsigned kWideHidden = 32, kWideLayerStart = 25 * 3 * kWideHidden;
constexpr unsigned kWideImageBytes = (25 + 1 + 16 + 32) * 3 * kWideHidden;

edgedrnn_ref_config wide_second_layer_config(const std::vector<int8_t>& image) {
    edgedrnn_ref_config cfg = zero_config(image);
    cfg.hidden[1] = kWideHidden;
    return cfg;
}

TEST(ReferenceModelConfig, UnequalSizesNeedTheImageUpToTheLastLayersEnd) {
    std::vector<int8_t> image(kWideImageBytes);
    EXPECT_EQ(init_status(wide_second_layer_config(image)), 0);
    image.pop_back();
    EXPECT_EQ(init_status(wide_second_layer_config(image)), -1);
}

TEST(ReferenceModelConfig, UnequalSizesAddressColumnsWithTheLayersStride) {
    std::vector<int8_t> image(kWideImageBytes);
    // Only layer 2's candidate bias is non-zero: M_cx = 127 * 256, p = 2 * M_cx = 65024,
    // c = TANH(rnd(p, 8) = 254) = 192, u = SIG(0) = 128, h = rnd(192 * 128, 8) = 96.
    for (unsigned i = 0; i < kWideHidden; ++i) image[kWideLayerStart + 2 * kWideHidden + i] = 127;
    RefRun run(wide_second_layer_config(image));
    ASSERT_EQ(run.init_status(), 0);
    const std::vector<int16_t> x(kInputs, 0);
    std::vector<int16_t> h(kWideHidden);
    edgedrnn_ref_step(run.get(), x.data(), h.data(), nullptr);
    EXPECT_EQ(h, std::vector<int16_t>(kWideHidden, 96));
}

}  // namespace
