// EdgeDRNN model behaviour through its real interfaces: reset semantics, misuse, bus
// errors, back-pressure and late input (SPEC 4.8, 5.3, 5.4, 6).
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "software/include/hw/edgedrnn_regs.h"
#include "software/reference/edgedrnn_ref.h"
#include "tests/model/model_bench.h"
#include "vp/workload/synthetic.h"

using vp_test::ModelBench;

namespace {

vp::Network small_network(unsigned hidden = 32, int th = 0) {
    vp::SyntheticSpec spec;
    spec.layers = 2;
    spec.input_size = 16;
    spec.hidden_size = hidden;
    spec.timesteps = 20;
    spec.seed = 7;
    spec.thx = th;
    spec.thh = th;
    return vp::make_synthetic_network(spec);
}

vp::Stimulus small_stimulus(const vp::Network& net, unsigned steps = 20) {
    vp::SyntheticSpec spec;
    spec.layers = net.num_layers;
    spec.input_size = net.input_size;
    spec.hidden_size = net.hidden_sizes[0];
    spec.timesteps = steps;
    spec.seed = 7;
    return vp::make_synthetic_stimulus(spec, net);
}

// Reference outputs, with an optional rst_n pulse before step `reset_before`.
std::vector<int16_t> reference_outputs(const vp::Network& net, const vp::Stimulus& stim,
                                       int reset_before = -1) {
    edgedrnn_ref_config cfg{};
    cfg.num_layers = net.num_layers;
    cfg.input_size = net.input_size;
    for (unsigned l = 0; l < net.num_layers; ++l) cfg.hidden[l] = net.hidden_sizes[l];
    cfg.weights = net.weights.data();
    cfg.weight_bytes = static_cast<uint32_t>(net.weights.size());
    cfg.thx_reg = static_cast<uint32_t>(net.thx);
    cfg.thh_reg = static_cast<uint32_t>(net.thh);
    std::vector<uint64_t> state(edgedrnn_ref_state_bytes(&cfg) / 8 + 1);
    edgedrnn_ref ref;
    EXPECT_EQ(edgedrnn_ref_init(&ref, &cfg, state.data(), state.size() * 8), 0);
    const unsigned h = net.last_hidden();
    std::vector<int16_t> out(static_cast<std::size_t>(stim.timesteps) * h);
    for (unsigned t = 0; t < stim.timesteps; ++t) {
        if (static_cast<int>(t) == reset_before) edgedrnn_ref_reset(&ref);
        edgedrnn_ref_step(&ref, &stim.inputs[static_cast<std::size_t>(t) * stim.input_size],
                          &out[static_cast<std::size_t>(t) * h], nullptr);
    }
    return out;
}

void run_steps(ModelBench& bench, const vp::Stimulus& stim, unsigned from, unsigned to) {
    for (unsigned t = from; t < to; ++t)
        bench.send_input(&stim.inputs[static_cast<std::size_t>(t) * stim.input_size], stim.input_size);
}

}  // namespace

TEST(EdgeDrnnModel, ResetReappliesTheBiasAndKeepsTheState) {
    const vp::Network net = small_network();
    const vp::Stimulus stim = small_stimulus(net);
    ModelBench bench;
    bench.load_weights(net, 0x1000);
    bench.script([&] {
        bench.program(net, 0x1000);
        run_steps(bench, stim, 0, 10);
        wait(sc_core::sc_time(5, sc_core::SC_US));  // let the last output leave
        bench.dut->pl_reset();
        bench.program(net, 0x1000);  // reset restored the registers' reset values
        run_steps(bench, stim, 10, 20);
    });
    sc_core::sc_start();
    const std::vector<int16_t> expected = reference_outputs(net, stim, 10);
    ASSERT_EQ(bench.outputs.size(), expected.size());
    EXPECT_EQ(bench.outputs, expected);
    EXPECT_EQ(bench.stats.value("edgedrnn.bias_columns"), 4.0);  // 2 layers x 2 arms
    EXPECT_EQ(bench.stats.value("edgedrnn.fetch_yields"), 0.0);  // the ideal memory never waits
    EXPECT_NE(expected, reference_outputs(net, stim)) << "the reset must be visible";
}

TEST(EdgeDrnnModel, InvalidLayerCountStallsTheInputStream) {
    const vp::Network net = small_network();
    const vp::Stimulus stim = small_stimulus(net, 1);
    ModelBench bench;
    bool sent = false;
    bench.script([&] {
        bench.program(net, 0);
        bench.write_reg(EDGEDRNN_NUM_LAYER, 5);  // outside 1..4: undefined in the RTL
        run_steps(bench, stim, 0, 1);
        sent = true;
    });
    sc_core::sc_start(sc_core::sc_time(1, sc_core::SC_MS));
    EXPECT_FALSE(sent) << "the input transfer must not complete";
    EXPECT_TRUE(bench.outputs.empty());
    EXPECT_EQ(bench.stats.value("edgedrnn.timesteps"), 0.0);
}

TEST(EdgeDrnnModel, WeightFetchBusErrorsAreCountedAndTheRunContinues) {
    const vp::Network net = small_network();
    const vp::Stimulus stim = small_stimulus(net, 3);
    ModelBench bench({}, 1 << 20);  // 1 MiB: the weight base below is outside
    bench.script([&] {
        bench.program(net, 0x00800000);
        run_steps(bench, stim, 0, 3);
    });
    sc_core::sc_start();
    EXPECT_EQ(bench.outputs.size(), 3u * net.last_hidden());
    EXPECT_GT(bench.stats.value("edgedrnn.fetch_errors"), 0.0);
    EXPECT_EQ(bench.stats.value("edgedrnn.fetch_errors"), bench.stats.value("edgedrnn.columns"));
    EXPECT_EQ(bench.stats.value("weight_memory.errors"), bench.stats.value("edgedrnn.columns"));
}

TEST(EdgeDrnnModel, AWeightPathThatWaitsStopsTheColumnDeferralAndStaysBitExact) {
    // Dense (threshold 0): every column is fetched, so columns would wait four at a time.
    const vp::Network net = small_network();
    const vp::Stimulus stim = small_stimulus(net, 4);
    ModelBench bench({}, 1 << 24, "bench", /*weight_path_waits=*/true);
    bench.load_weights(net, 0x00100000);
    bench.script([&] {
        bench.program(net, 0x00100000);
        run_steps(bench, stim, 0, 4);
    });
    sc_core::sc_start();
    EXPECT_EQ(bench.outputs, reference_outputs(net, stim));
    EXPECT_EQ(bench.stats.value("edgedrnn.fetch_yields"), bench.stats.value("edgedrnn.columns"));
    EXPECT_GT(bench.stats.value("edgedrnn.columns"), 4.0);
}

TEST(EdgeDrnnModel, OutputBackPressureHoldsTheActivation) {
    const vp::Network net = small_network();
    const vp::Stimulus stim = small_stimulus(net, 2);
    ModelBench bench;
    bench.load_weights(net, 0);
    bench.output_ready_at = sc_core::sc_time(100, sc_core::SC_US);
    bench.script([&] {
        bench.program(net, 0);
        run_steps(bench, stim, 0, 2);
    });
    sc_core::sc_start();
    ASSERT_EQ(bench.output_times.size(), 2u);
    // The first output waits for the sink; its last beat follows 5 cycles per beat.
    const unsigned beats = net.last_hidden() / 8;
    EXPECT_EQ(bench.output_times[0], sc_core::sc_time(100, sc_core::SC_US) +
                                         sc_core::sc_time(40.0 * (beats - 1), sc_core::SC_NS));
    // 100 us = 12500 cycles, less the step's own ~660 cycles.
    EXPECT_GT(bench.stats.value("edgedrnn.output_wait_cycles"), 11000.0);
    const auto& steps = bench.dut->steps();
    EXPECT_GT(steps[0].last_output_cycle - steps[0].start_cycle, 12000u);
    EXPECT_EQ(steps[1].start_cycle, steps[0].last_output_cycle + 1);
    EXPECT_EQ(bench.outputs, reference_outputs(net, stim));
}

// The simulation may end while the model waits inside the output stream's b_transport
// (a sink that never takes it); the model must still be destructible (its payload once
// pointed at a stack object it would free).
TEST(EdgeDrnnModel, ModelStalledOnItsOutputStreamIsDestroyedCleanly) {
    const vp::Network net = small_network();
    const vp::Stimulus stim = small_stimulus(net, 1);
    auto bench = std::make_unique<ModelBench>();
    bench->load_weights(net, 0);
    bench->output_never_ready = true;
    bench->script([&] {
        bench->program(net, 0);
        bench->send_input(&stim.inputs[0], stim.input_size);
    });
    sc_core::sc_start();
    EXPECT_TRUE(bench->outputs.empty());
    EXPECT_EQ(bench->stats.value("edgedrnn.timesteps"), 0.0);
    bench.reset();  // aborted in the payload's destructor before the fix
    SUCCEED();
}

TEST(EdgeDrnnModel, LateInputIsWaitedForAndNotCountedAsStepCycles) {
    const vp::Network net = small_network(32, 8);
    const vp::Stimulus stim = small_stimulus(net, 6);
    // Run once back to back and once with 20 us gaps: per-step cycles must be equal.
    ModelBench bench;
    bench.load_weights(net, 0);
    bench.script([&] {
        bench.program(net, 0);
        for (unsigned t = 0; t < 6; ++t) {
            run_steps(bench, stim, t, t + 1);
            wait(sc_core::sc_time(20, sc_core::SC_US));
        }
    });
    sc_core::sc_start();
    EXPECT_EQ(bench.outputs, reference_outputs(net, stim));
    // 20 us = 2500 cycles per gap, less the ~800 cycles each step takes.
    EXPECT_GT(bench.stats.value("edgedrnn.input_wait_cycles"), 5 * 1500.0);
    const auto& steps = bench.dut->steps();
    ASSERT_EQ(steps.size(), 6u);
    for (unsigned t = 1; t < 6; ++t) {
        // The step starts one cycle before its first input beat is valid.
        const uint64_t arrival_cycle = steps[t].start_cycle + 1;
        EXPECT_GE(arrival_cycle * 8, (20000ull + 0) * t) << "step " << t;
        EXPECT_LT(steps[t].last_output_cycle - steps[t].start_cycle, 2000u) << "step " << t;
    }
}

TEST(EdgeDrnnModel, AStepSplitAcrossTwoInputPacketsCompletes) {
    const vp::Network net = small_network();
    const vp::Stimulus stim = small_stimulus(net, 2);
    ModelBench bench;
    bench.load_weights(net, 0);
    bench.script([&] {
        bench.program(net, 0);
        for (unsigned t = 0; t < 2; ++t) {  // 16 inputs = 2 beats, sent one beat at a time
            const int16_t* x = &stim.inputs[static_cast<std::size_t>(t) * 16];
            bench.send_input(x, 8);
            wait(sc_core::sc_time(1, sc_core::SC_US));
            bench.send_input(x + 8, 8);
        }
    });
    sc_core::sc_start();
    EXPECT_EQ(bench.outputs, reference_outputs(net, stim));
    // The first beat's columns are fetched at their command cycles, before the model waits
    // for the second packet: fetched after that wait they arrived late (2244 cycles).
    EXPECT_EQ(bench.stats.value("edgedrnn.input_wait_cycles"), 248.0);
    EXPECT_EQ(bench.stats.value("edgedrnn.cycles"), 2060.0);
}

TEST(EdgeDrnnModel, ManyStepsInOneInputTransferCompleteWhenTheLastIsTaken) {
    const vp::Network net = small_network();
    const vp::Stimulus stim = small_stimulus(net, 8);
    ModelBench bench;
    bench.load_weights(net, 0);
    sc_core::sc_time done;
    bench.script([&] {
        bench.program(net, 0);
        bench.send_input(stim.inputs.data(), 8 * 16);  // a batched driver: one MM2S transfer
        done = sc_core::sc_time_stamp();
    });
    sc_core::sc_start();
    EXPECT_EQ(bench.outputs, reference_outputs(net, stim));
    const auto& steps = bench.dut->steps();
    ASSERT_EQ(steps.size(), 8u);
    // The transfer ends when step 7's encoder takes its second beat (layer-1 item 15).
    EXPECT_GT(done, sc_core::sc_time(8.0 * static_cast<double>(steps[6].last_output_cycle), sc_core::SC_NS));
    EXPECT_LT(done, sc_core::sc_time(8.0 * static_cast<double>(steps[7].last_output_cycle), sc_core::SC_NS));
}
