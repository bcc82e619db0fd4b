// edgedrnn.num_pe as a what-if: more PEs take wider weight beats (one byte per PE per
// cycle) and more neurons per activation round. The arithmetic is per neuron, so the
// outputs stay bit-exact; only the cycle count changes. Two benches run side by side in
// one elaboration on an ideal memory: 8 PEs (the RTL) and 32.
#include <gtest/gtest.h>

#include <cstdio>
#include <vector>

#include "tests/model/model_bench.h"
#include "vp/workload/synthetic.h"

using vp_test::ModelBench;

namespace {

vp::SyntheticSpec spec_for_test() {
    vp::SyntheticSpec spec;
    spec.layers = 2;
    spec.input_size = 16;
    spec.hidden_size = 128;  // G = 16 rounds at 8 PEs, 4 at 32
    spec.timesteps = 12;
    spec.seed = 11;
    spec.thx = 0;
    spec.thh = 0;  // most columns pass: MAC-bound layers
    return spec;
}

edgedrnn::EdgeDrnnParams with_pes(unsigned pes) {
    edgedrnn::EdgeDrnnParams p;
    p.num_pe = pes;
    return p;
}

}  // namespace

TEST(PeCount, ThirtyTwoPesKeepTheOutputsAndCutTheMacCyclesFourfold) {
    const vp::SyntheticSpec spec = spec_for_test();
    const vp::Network net = vp::make_synthetic_network(spec);
    const vp::Stimulus stim = vp::make_synthetic_stimulus(spec, net);
    ModelBench rtl(with_pes(8), 1 << 24, "pe8");
    ModelBench wide(with_pes(32), 1 << 24, "pe32");
    for (ModelBench* bench : {&rtl, &wide}) {
        bench->load_weights(net, 0);
        bench->script([bench, &net, &stim] {
            bench->program(net, 0);
            for (unsigned t = 0; t < stim.timesteps; ++t)
                bench->send_input(&stim.inputs[static_cast<std::size_t>(t) * stim.input_size], stim.input_size);
        });
    }
    sc_core::sc_start();

    ASSERT_FALSE(stim.gold_rnn.empty());  // the synthetic stimulus carries the reference model's outputs
    EXPECT_EQ(rtl.outputs, stim.gold_rnn);
    EXPECT_EQ(wide.outputs, stim.gold_rnn);
    const auto& a = rtl.dut->steps();
    const auto& b = wide.dut->steps();
    ASSERT_EQ(a.size(), stim.timesteps);
    ASSERT_EQ(b.size(), stim.timesteps);
    uint64_t cycles8 = 0, cycles32 = 0, columns = 0;
    for (unsigned t = 0; t < stim.timesteps; ++t) {
        EXPECT_EQ(a[t].columns, b[t].columns) << "step " << t;  // the same work
        const uint64_t c8 = a[t].last_output_cycle - a[t].start_cycle;
        const uint64_t c32 = b[t].last_output_cycle - b[t].start_cycle;
        EXPECT_LT(c32, c8) << "step " << t;
        cycles8 += c8;
        cycles32 += c32;
        columns += a[t].columns;
    }
    // A MAC-bound step costs about 3G cycles per column (SPEC 5.4): 48 at 8 PEs, 12 at 32.
    // The difference is 36 cycles per column plus 5 per saved activation round (12 rounds
    // per layer), less what the encoder bound gives back on the sparsest steps.
    const double saved = static_cast<double>(cycles8 - cycles32);
    const double mac_saved = 36.0 * static_cast<double>(columns) + 2 * 5 * 12.0 * stim.timesteps;
    std::printf("saved %.0f of %.0f (columns %llu)\n", saved, mac_saved, (unsigned long long)columns);
    EXPECT_GT(saved, 0.9 * mac_saved);
    EXPECT_LE(saved, mac_saved);
}

TEST(PeCount, AHiddenSizeThatIsNotAMultipleOfThePeCountStallsTheStep) {
    const vp::SyntheticSpec spec = spec_for_test();  // H = 128
    const vp::Network net = vp::make_synthetic_network(spec);
    const vp::Stimulus stim = vp::make_synthetic_stimulus(spec, net);
    ModelBench bench(with_pes(128), 1 << 24);  // H / num_pe = 1 round: outside the what-if
    bench.load_weights(net, 0);
    bench.script([&] {
        bench.program(net, 0);
        bench.send_input(stim.inputs.data(), stim.input_size);
    });
    sc_core::sc_start(sc_core::sc_time(1, sc_core::SC_MS));
    EXPECT_TRUE(bench.outputs.empty());
    EXPECT_EQ(bench.stats.value("edgedrnn.timesteps"), 0.0);
}
