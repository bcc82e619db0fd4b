// Network::total_columns / required_weight_bytes and the consistency checks.
#include "vp/workload/workload.h"

#include "tests/workload/import_test_util.h"

#include <gtest/gtest.h>

using vp_test::expect_contains;
using vp_test::workload_error;

namespace {

vp::Network network(unsigned input, std::vector<unsigned> hidden) {
    vp::Network net;
    net.num_layers = unsigned(hidden.size());
    net.input_size = input;
    net.hidden_sizes = std::move(hidden);
    net.weights.assign(net.required_weight_bytes(), 0);
    net.source = "net.c";
    return net;
}

vp::Stimulus stimulus(const vp::Network& net, unsigned steps) {
    vp::Stimulus s;
    s.timesteps = steps;
    s.input_size = net.input_size;
    s.inputs.assign(size_t(steps) * s.input_size, 0);
    s.gold_width = net.last_hidden();
    s.gold_rnn.assign(size_t(steps) * s.gold_width, 0);
    s.source = "stim.c";
    return s;
}

}  // namespace

TEST(WorkloadCheck, ColumnsAndBytesEqualSizes) {
    const vp::Network net = network(8, {16, 16});
    EXPECT_EQ(net.total_columns(), 58u);           // (8+16+1) + (16+16+1)
    EXPECT_EQ(net.required_weight_bytes(), 2784u);  // 58 x 48
}

TEST(WorkloadCheck, BytesFollowHardwareStrideForUnequalSizes) {
    // Layer 2 starts at column C_2 = 17 with stride 3*16: ends at (17 + 25) * 48 = 2016,
    // past the concatenation 17*24 + 25*48 = 1608.
    EXPECT_EQ(network(8, {8, 16}).required_weight_bytes(), 2016u);
    // Decreasing sizes: layer 1 ends at 25*48 = 1200, layer 2 at (25+25)*24 = 1200.
    EXPECT_EQ(network(8, {16, 8}).required_weight_bytes(), 1200u);
    EXPECT_EQ(network(16, {8, 8, 8, 32}).total_columns(), 25u + 17 + 17 + 41);
    EXPECT_EQ(network(16, {8, 8, 8, 32}).required_weight_bytes(), 100u * 96);
}

TEST(WorkloadCheck, ConsistentWorkloadPasses) {
    vp::Network net = network(8, {16, 16});
    net.num_outputs = 2;
    net.cl_weight.assign(32, 1);
    net.cl_bias.assign(2, 0);
    vp::Stimulus stim = stimulus(net, 5);
    stim.gold_fc_width = 2;
    stim.gold_fc.assign(10, 0);
    EXPECT_NO_THROW(vp::check_consistent(net, stim));
}

TEST(WorkloadCheck, NetworkErrors) {
    vp::Network net = network(8, {16, 16});
    net.num_layers = 0;
    expect_contains(workload_error([&] { vp::check_network(net); }), {"net.c", "0 layers", "1..4"});
    net.num_layers = 5;
    expect_contains(workload_error([&] { vp::check_network(net); }), {"net.c", "5 layers", "1..4"});
    net = network(8, {16, 12});
    expect_contains(workload_error([&] { vp::check_network(net); }),
                    {"net.c", "layer 2 is 12", "multiple of 8"});
    net = network(4, {16});
    expect_contains(workload_error([&] { vp::check_network(net); }),
                    {"net.c", "input size 4", "multiple of 8"});
    net = network(8, {16, 16});
    net.weights.pop_back();
    expect_contains(workload_error([&] { vp::check_network(net); }),
                    {"net.c", "2783 bytes", "at least 2784"});
    net = network(8, {16, 16});
    net.num_outputs = 2;
    net.cl_bias.assign(2, 0);
    net.cl_weight.assign(31, 0);
    expect_contains(workload_error([&] { vp::check_network(net); }),
                    {"net.c", "31 weights", "expected 32"});
}

TEST(WorkloadCheck, StimulusErrors) {
    const vp::Network net = network(8, {16, 16});
    vp::Stimulus stim = stimulus(net, 4);
    stim.input_size = 16;
    expect_contains(workload_error([&] { vp::check_consistent(net, stim); }),
                    {"stim.c", "16 inputs per step", "expected 8", "net.c"});
    stim = stimulus(net, 4);
    stim.inputs.pop_back();
    expect_contains(workload_error([&] { vp::check_consistent(net, stim); }),
                    {"stim.c", "31 values", "expected 32"});
    stim = stimulus(net, 0);
    expect_contains(workload_error([&] { vp::check_consistent(net, stim); }),
                    {"stim.c", "no time steps"});
    stim = stimulus(net, 4);
    stim.gold_width = 8;
    stim.gold_rnn.resize(32);
    expect_contains(workload_error([&] { vp::check_consistent(net, stim); }),
                    {"stim.c", "8 values per step", "expected 16", "last layer"});
    vp::Network with_fc = net;
    with_fc.num_outputs = 2;
    with_fc.cl_weight.assign(32, 0);
    with_fc.cl_bias.assign(2, 0);
    stim = stimulus(net, 4);
    stim.gold_fc_width = 3;
    stim.gold_fc.assign(12, 0);
    EXPECT_NO_THROW(vp::check_consistent(net, stim));  // no classifier: any width
    expect_contains(workload_error([&] { vp::check_consistent(with_fc, stim); }),
                    {"stim.c", "3 values per step", "expected 2", "classifier"});
}
