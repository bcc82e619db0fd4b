#include "vp/platform/schema.h"

#include "peripherals/edgedrnn/edgedrnn.h"

namespace vp {
namespace {

ConfigSchema build_schema() {
    ConfigSchema s;
    s.add_string("platform.name", "unnamed", "name shown in reports");
    s.add_string("platform.kind", "edgedrnn-ideal",
                 "which SoC to assemble: edgedrnn-ideal = the accelerator alone with an ideal "
                 "weight memory, fed directly through its stream ports",
                 {"edgedrnn-ideal"});
    s.add_string("platform.description", "", "one line about the platform");
    s.add_uint("sim.quantum_ns", 1000, "ns", "global quantum: how far an initiator may run ahead of SystemC time", 1, 1e9);

    edgedrnn::EdgeDrnnParams::declare(s);

    s.add_uint("memory.size_bytes", 64ull << 20, "bytes", "weight memory size (edgedrnn-ideal)", 4096, 1ull << 32);
    s.add_uint("memory.clock_hz", 125000000, "Hz", "weight memory clock (edgedrnn-ideal)", 1e6, 1e10);
    s.add_uint("memory.width_bytes", 8, "bytes", "weight memory data beat width (edgedrnn-ideal)", 1, 128);
    s.add_uint("memory.first_beat_cycles", 1, "cycles", "request to first data beat (edgedrnn-ideal)", 1, 100000);

    s.add_path("workload.network", "network: DIR/edgedrnn_params.c (SDK export) or edgedrnn_tb_params.txt (RTL testbench); empty = synthetic");
    s.add_path("workload.stimulus", "stimulus: DIR/edgedrnn_test.c (SDK export) or edgedrnn_tb_stim.txt");
    s.add_path("workload.registers", "RTL testbench register file edgedrnn_tb_creg.txt (with the .txt network)");
    s.add_path("workload.gold", "RTL testbench golden outputs edgedrnn_tb_gold_rnn.txt (optional)");
    s.add_int("workload.thx", 0, "Q8.8 LSB", "override THX (register value; default: the network's own)", -512, 4294967295.0);
    s.add_int("workload.thh", 0, "Q8.8 LSB", "override THH (register value; default: the network's own)", -512, 4294967295.0);
    s.add_uint("workload.timesteps", 0, "steps", "run only the first N time steps (0 = all)", 0, 1e9);
    s.add_uint("workload.weight_address", 0, "address", "where the weight image is placed in memory (8-byte aligned)", 0, 4294967295.0);

    s.add_uint("synthetic.layers", 2, "layers", "synthetic network: GRU layers", 1, 4);
    s.add_uint("synthetic.input_size", 16, "elements", "synthetic network: inputs (multiple of 8)", 8, 1024);
    s.add_uint("synthetic.hidden_size", 64, "neurons", "synthetic network: neurons per layer (multiple of 8)", 16, 1024);
    s.add_uint("synthetic.timesteps", 200, "steps", "synthetic stimulus length", 1, 1e8);
    s.add_uint("synthetic.seed", 1, "", "seed of weights and stimulus", 0, 1.8e19);
    s.add_uint("synthetic.num_outputs", 2, "outputs", "synthetic classifier outputs (0 = none)", 0, 64);
    s.add_int("synthetic.thx", 0, "Q8.8 LSB", "synthetic network's THX", -512, 511);
    s.add_int("synthetic.thh", 0, "Q8.8 LSB", "synthetic network's THH", -512, 511);

    s.add_path("run.outputs", "write the last layer's outputs, one line per time step (raw Q8.8)");
    s.add_path("run.stats_json", "write all statistics as one JSON object");
    return s;
}

}  // namespace

const ConfigSchema& platform_schema() {
    static const ConfigSchema schema = build_schema();
    return schema;
}

}  // namespace vp
