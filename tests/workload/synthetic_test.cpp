// The seeded synthetic workload generator (vp/workload/synthetic.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <set>
#include <vector>

#include "software/nn/fc_classifier.h"
#include "software/reference/edgedrnn_ref.h"
#include "vp/workload/synthetic.h"

namespace {

vp::SyntheticSpec small_spec() {
    vp::SyntheticSpec spec;
    spec.layers = 2;
    spec.input_size = 16;
    spec.hidden_size = 32;
    spec.timesteps = 300;
    spec.seed = 7;
    return spec;
}

struct Generated {
    vp::Network net;
    vp::Stimulus stim;
};

Generated generate(const vp::SyntheticSpec& spec) {
    vp::Network net = vp::make_synthetic_network(spec);
    vp::Stimulus stim = vp::make_synthetic_stimulus(spec, net);
    return {std::move(net), std::move(stim)};
}

// The reference model run directly through its C API (not through the generator), with
// the columns it fetched in total.
struct ReferenceOutputs {
    std::vector<int16_t> rnn, fc;
    uint64_t columns = 0;
};

ReferenceOutputs run_reference(const vp::Network& net, const vp::Stimulus& stim) {
    edgedrnn_ref_config cfg{};
    cfg.num_layers = net.num_layers;
    cfg.input_size = net.input_size;
    for (unsigned l = 0; l < net.num_layers; ++l) cfg.hidden[l] = net.hidden_sizes[l];
    cfg.weights = net.weights.data();
    cfg.weight_bytes = static_cast<uint32_t>(net.weights.size());
    cfg.thx_reg = static_cast<uint32_t>(net.thx);
    cfg.thh_reg = static_cast<uint32_t>(net.thh);
    std::vector<uint64_t> state((edgedrnn_ref_state_bytes(&cfg) + 7) / 8);
    edgedrnn_ref ref{};
    EXPECT_EQ(edgedrnn_ref_init(&ref, &cfg, state.data(), state.size() * 8), 0);

    const unsigned width = net.last_hidden();
    ReferenceOutputs out;
    std::vector<int16_t> h(width);
    for (unsigned t = 0; t < stim.timesteps; ++t) {
        edgedrnn_ref_step_stats stats{};
        edgedrnn_ref_step(&ref, &stim.inputs[t * stim.input_size], h.data(), &stats);
        out.columns += stats.columns;
        out.rnn.insert(out.rnn.end(), h.begin(), h.end());
        for (unsigned o = 0; o < net.num_outputs; ++o)
            out.fc.push_back(fc_classifier_q88(fc_classifier_raw(
                h.data(), width, net.cl_weight.data(), net.cl_bias.data(), net.num_outputs, o)));
    }
    return out;
}

TEST(Synthetic, SameSeedGivesTheSameBytes) {
    const Generated a = generate(small_spec()), b = generate(small_spec());
    EXPECT_EQ(a.net.weights, b.net.weights);
    EXPECT_EQ(a.net.cl_weight, b.net.cl_weight);
    EXPECT_EQ(a.net.cl_bias, b.net.cl_bias);
    EXPECT_EQ(a.stim.inputs, b.stim.inputs);
    EXPECT_EQ(a.stim.gold_rnn, b.stim.gold_rnn);
    EXPECT_EQ(a.stim.gold_fc, b.stim.gold_fc);
}

TEST(Synthetic, DifferentSeedGivesDifferentWorkload) {
    vp::SyntheticSpec other = small_spec();
    other.seed += 1;
    const Generated a = generate(small_spec()), b = generate(other);
    EXPECT_NE(a.net.weights, b.net.weights);
    EXPECT_NE(a.stim.inputs, b.stim.inputs);
    EXPECT_NE(a.stim.gold_rnn, b.stim.gold_rnn);
}

TEST(Synthetic, ShapesAreConsistentAndGoldIsFilled) {
    const Generated g = generate(small_spec());
    EXPECT_NO_THROW(vp::check_consistent(g.net, g.stim));
    EXPECT_EQ(g.net.hidden_sizes, std::vector<unsigned>(2, 32));
    EXPECT_EQ(g.net.weights.size(), g.net.total_columns() * 3 * 32);
    EXPECT_EQ(g.stim.gold_width, 32u);
    EXPECT_EQ(g.stim.gold_fc_width, 2u);
    EXPECT_EQ(g.stim.gold_rnn.size(), 300u * 32);
    EXPECT_EQ(g.stim.gold_fc.size(), 300u * 2);
}

TEST(Synthetic, GoldMatchesRunningTheReferenceModelAgain) {
    const Generated g = generate(small_spec());
    const ReferenceOutputs ref = run_reference(g.net, g.stim);
    EXPECT_EQ(ref.rnn, g.stim.gold_rnn);
    EXPECT_EQ(ref.fc, g.stim.gold_fc);
}

TEST(Synthetic, ThresholdsReduceTheColumnsFetched) {
    vp::SyntheticSpec dense = small_spec(), sparse = small_spec();
    sparse.thx = sparse.thh = 16;
    const Generated d = generate(dense), s = generate(sparse);
    EXPECT_EQ(d.stim.inputs, s.stim.inputs);  // thresholds change the network only
    const uint64_t dense_columns = run_reference(d.net, d.stim).columns;
    const uint64_t sparse_columns = run_reference(s.net, s.stim).columns;
    EXPECT_LT(sparse_columns * 2, dense_columns)
        << "dense " << dense_columns << ", THX=THH=16 " << sparse_columns;
}

// Inputs change slowly: temporal sparsity comes from the data, not from chance.
TEST(Synthetic, InputsAreTemporallyCorrelatedAndWithinAmplitude) {
    const Generated g = generate(small_spec());
    const unsigned n = g.stim.input_size;
    double mean_step = 0, mean_abs = 0;
    for (unsigned t = 1; t < g.stim.timesteps; ++t)
        for (unsigned i = 0; i < n; ++i) {
            mean_step += std::abs(g.stim.inputs[t * n + i] - g.stim.inputs[(t - 1) * n + i]);
            mean_abs += std::abs(g.stim.inputs[t * n + i]);
        }
    const double samples = double(g.stim.timesteps - 1) * n;
    EXPECT_LT(mean_step / samples, 0.05 * 256);
    EXPECT_GT(mean_abs / samples, 0.1 * 256);
    for (int16_t x : g.stim.inputs) ASSERT_LE(std::abs(x), 256 + 8);
}

// Pre-activations are not all saturated: the hidden state takes many distinct values.
TEST(Synthetic, HiddenStatesAreNotSaturated) {
    const Generated g = generate(small_spec());
    const std::set<int16_t> distinct(g.stim.gold_rnn.begin(), g.stim.gold_rnn.end());
    EXPECT_GT(distinct.size(), 100u);
    size_t at_rails = 0;
    for (int16_t h : g.stim.gold_rnn) at_rails += std::abs(h) >= 250;
    EXPECT_LT(at_rails * 4, g.stim.gold_rnn.size());
}

TEST(Synthetic, PaddingInputsAndTheirColumnsAreZero) {
    vp::SyntheticSpec spec = small_spec();
    spec.input_size = 8;
    spec.active_inputs = 5;
    spec.hidden_size = 16;
    const Generated g = generate(spec);
    for (unsigned t = 0; t < g.stim.timesteps; ++t)
        for (unsigned i = 5; i < 8; ++i) ASSERT_EQ(g.stim.inputs[t * 8 + i], 0) << t;
    const unsigned column_bytes = 3 * 16;
    for (unsigned column = 1 + 5; column < 1 + 8; ++column)
        for (unsigned b = 0; b < column_bytes; ++b)
            ASSERT_EQ(g.net.weights[column * column_bytes + b], 0) << column;
    const auto input0 = g.net.weights.begin() + 1 * column_bytes;
    EXPECT_TRUE(std::any_of(input0, input0 + column_bytes, [](int8_t w) { return w != 0; }));
}

TEST(Synthetic, WithoutClassifierThereIsNoFcGold) {
    vp::SyntheticSpec spec = small_spec();
    spec.num_outputs = 0;
    const Generated g = generate(spec);
    EXPECT_TRUE(g.net.cl_weight.empty());
    EXPECT_EQ(g.stim.gold_fc_width, 0u);
    EXPECT_TRUE(g.stim.gold_fc.empty());
}

TEST(Synthetic, RejectsSpecsOutsideTheLimits) {
    auto expect_rejected = [](auto mutate, const char* what) {
        vp::SyntheticSpec spec = small_spec();
        mutate(spec);
        EXPECT_THROW(vp::make_synthetic_network(spec), vp::WorkloadError) << what;
    };
    expect_rejected([](auto& s) { s.layers = 0; }, "0 layers");
    expect_rejected([](auto& s) { s.layers = 5; }, "5 layers");
    expect_rejected([](auto& s) { s.input_size = 12; }, "input not a multiple of 8");
    expect_rejected([](auto& s) { s.input_size = 1032; }, "input > 1024");
    expect_rejected([](auto& s) { s.active_inputs = 17; }, "more active inputs than inputs");
    expect_rejected([](auto& s) { s.hidden_size = 8; }, "hidden 8");
    expect_rejected([](auto& s) { s.hidden_size = 20; }, "hidden not a multiple of 8");
    expect_rejected([](auto& s) { s.hidden_size = 1032; }, "hidden > 1024");
    expect_rejected([](auto& s) { s.timesteps = 0; }, "no steps");
    expect_rejected([](auto& s) { s.thx = -1; }, "negative THX");
    expect_rejected([](auto& s) { s.weight_scale = 0; }, "zero weight scale");
    expect_rejected([](auto& s) { s.input_amplitude = 200; }, "amplitude beyond Q8.8");
}

TEST(Synthetic, RejectionMessageNamesTheField) {
    vp::SyntheticSpec spec = small_spec();
    spec.hidden_size = 20;
    try {
        vp::make_synthetic_network(spec);
        FAIL() << "no exception";
    } catch (const vp::WorkloadError& e) {
        EXPECT_NE(std::string(e.what()).find("hidden_size is 20"), std::string::npos) << e.what();
    }
}

// THX/THH are 10-bit signed fields: 0..511 are the thresholds (the schema's range too);
// the message states that range (it said 0..65535 while the schema said -512..511).
TEST(Synthetic, ThresholdRangeIsTheFieldsAndTheMessageSaysSo) {
    vp::SyntheticSpec spec = small_spec();
    spec.thx = 511;
    EXPECT_NO_THROW(vp::validate(spec));
    for (int bad : {-1, 512}) {
        spec.thh = bad;
        try {
            vp::validate(spec);
            FAIL() << bad << " accepted";
        } catch (const vp::WorkloadError& e) {
            EXPECT_NE(std::string(e.what()).find("thh is " + std::to_string(bad) + ", expected a register value in 0..511"),
                      std::string::npos)
                << e.what();
        }
    }
}

TEST(Synthetic, DescribeListsTheParameters) {
    const std::string text = vp::describe(small_spec());
    EXPECT_NE(text.find("L=2"), std::string::npos) << text;
    EXPECT_NE(text.find("H=32"), std::string::npos) << text;
    EXPECT_NE(text.find("seed=7"), std::string::npos) << text;
}

}  // namespace
