#include "vp/platform/schema.h"

#include "peripherals/axi_dma/axi_dma.h"
#include "peripherals/edgedrnn/edgedrnn.h"
#include "peripherals/timer/a9_global_timer.h"
#include "peripherals/uart/cadence_uart.h"
#include "peripherals/zynq_ps/unmodelled_region.h"
#include "vp/cpu/arm_cpu.h"
#include "vp/cpu/native_cpu.h"
#include "vp/interconnect/axi_interconnect.h"
#include "vp/interconnect/port_params.h"
#include "vp/memory/dram/memory_timing_factory.h"
#include "vp/memory/ram.h"
#include "vp/platform/zynq_regions.h"
#include "vp/traffic/trace_player.h"
#include "vp/traffic/traffic_generator.h"

namespace vp {
namespace {

PortParams port_defaults(unsigned width_bytes, double clock_hz, unsigned latency_cycles,
                         unsigned max_burst_beats = 16) {
    PortParams p;
    p.width_bytes = width_bytes;
    p.clock_hz = clock_hz;
    p.latency_cycles = latency_cycles;
    p.max_burst_beats = max_burst_beats;
    return p;
}

// The MiniZed SoC (platform.kind = minized): memory map, interconnect ports, devices.
void declare_soc(ConfigSchema& s) {
    s.add_string("cpu.model", "native", "CPU model: native = the C software compiled for the host (the ISS stub); "
                 "arm = the Cortex-A9 ISS running cpu.elf", {"native", "arm"});
    NativeCpuParams::declare(s);
    ArmCpuParams::declare(s);

    // Interconnects and their ports (port keys: width_bytes, clock_hz, max_burst_beats, latency_cycles).
    InterconnectParams::declare(s, "ps");
    InterconnectParams::declare(s, "gp0");
    InterconnectParams::declare(s, "hp");
    PortParams::declare(s, "ps", port_defaults(8, 222e6, 4));       // CPU and memory ports of the PS interconnect
    PortParams::declare(s, "apb", port_defaults(4, 111e6, 2));      // PS peripherals (UART, timer, SLCR, ...)
    PortParams::declare(s, "gp0", port_defaults(4, 125e6, 3));      // M_AXI_GP0 into the PL
    PortParams::declare(s, "axilite", port_defaults(4, 125e6, 1));  // the PL's AXI-Lite crossbar
    PortParams::declare(s, "hp", port_defaults(8, 125e6, 1));       // PL masters into the PL interconnect
    PortParams::declare(s, "hp0", port_defaults(8, 125e6, 2));      // S_AXI_HP0 into the PS
    TrafficParams::declare(s);                                      // what-if load on the PS interconnect
    TracePlayerParams::declare(s);                                  // trace runs: a trace player on hp

    RamParams::declare(s, "ddr");
    declare_memory_timing(s, "ddr");  // ddr.timing, ddr.preset and the DRAM part's keys
    RamParams ocm;
    ocm.size_bytes = 256 << 10;
    ocm.latency_ns = 10;
    ocm.bandwidth_bytes_per_s = 8 * 222e6;
    RamParams::declare(s, "ocm", ocm);
    s.add_uint("ddr.base", 0x00100000, "address", "DDR window start (the first 1 MiB is shadowed by OCM)", 0, 4294967295.0);
    s.add_uint("ocm.low_base", 0, "address", "low OCM window", 0, 4294967295.0);
    s.add_uint("ocm.low_size_bytes", 192 << 10, "bytes", "low OCM window size", 0, 4294967296.0);
    s.add_uint("ocm.high_base", 0xFFFF0000, "address", "high OCM window (the rest of the OCM)", 0, 4294967295.0);

    zynq::CadenceUartParams::declare(s);
    s.add_uint("uart1.base", 0xE0001000, "address", "UART1 (the MiniZed console)", 0, 4294967295.0);
    zynq::A9GlobalTimerParams::declare(s);
    s.add_uint("timer.base", 0xF8F00200, "address", "Cortex-A9 global timer", 0, 4294967295.0);
    declare_zynq_regions(s);

    axi_dma::AxiDmaParams::declare(s);
    s.add_uint("axi_dma.base", 0x40400000, "address", "AXI DMA register window (via GP0)", 0, 4294967295.0);
    s.add_uint("axi_dma.size_bytes", 0x10000, "bytes", "AXI DMA register window size", 4096, 4294967296.0);
    s.add_uint("edgedrnn.base", 0x43C00000, "address", "EdgeDRNN AXI-Lite window (via GP0)", 0, 4294967295.0);
    s.add_uint("edgedrnn.size_bytes", 0x10000, "bytes", "EdgeDRNN register window size", 128, 4294967296.0);

    s.add_uint("software.descriptor_address", 0x00F00000, "address", "where vp writes the job descriptor (software/include/vp_job.h)", 0, 4294967295.0);
    s.add_uint("software.data_address", 0x01000000, "address", "where vp places weights, stimulus, gold and results", 0, 4294967295.0);
    s.add_uint("software.rx_address", 0x000007A8, "address", "the application's S2MM receive buffer", 0, 4294967295.0);
}

ConfigSchema build_schema() {
    ConfigSchema s;
    s.add_string("platform.name", "unnamed", "name shown in reports");
    s.add_string("platform.kind", "edgedrnn-ideal",
                 "which SoC to assemble: edgedrnn-ideal = the accelerator alone with an ideal "
                 "weight memory, fed directly through its stream ports",
                 {"edgedrnn-ideal", "minized"});
    s.add_string("platform.description", "", "one line about the platform");
    s.add_uint("sim.quantum_ns", 1000, "ns", "global quantum: how far an initiator may run ahead of SystemC time", 1, 1e9);

    edgedrnn::EdgeDrnnParams::declare(s);

    s.add_uint("memory.size_bytes", 64ull << 20, "bytes", "weight memory size (edgedrnn-ideal)", 4096, 1ull << 32);
    s.add_uint("memory.clock_hz", 125000000, "Hz", "weight memory clock (edgedrnn-ideal)", 1e6, 1e10);
    s.add_uint("memory.width_bytes", 8, "bytes", "weight memory data beat width (edgedrnn-ideal; a power of two)", 1, 128);
    s.require_power_of_two("memory.width_bytes");  // as every bus width (hp.width_bytes, ddr.bus_width_bits)
    s.add_uint("memory.first_beat_cycles", 1, "cycles", "request to first data beat (edgedrnn-ideal)", 1, 100000);

    declare_soc(s);

    s.add_path("workload.network", "network: DIR/edgedrnn_params.c (SDK export) or edgedrnn_tb_params.txt (RTL testbench); empty = synthetic");
    s.add_path("workload.stimulus", "stimulus: DIR/edgedrnn_test.c (SDK export) or edgedrnn_tb_stim.txt");
    s.add_path("workload.registers", "RTL testbench register file edgedrnn_tb_creg.txt (with the .txt network)");
    s.add_path("workload.gold", "RTL testbench golden outputs edgedrnn_tb_gold_rnn.txt (optional)");
    s.add_int("workload.thx", 0, "Q8.8 LSB", "override THX (register value; default: the network's own; 10-bit signed field, so 511 is the highest)", 0, 511);
    s.add_int("workload.thh", 0, "Q8.8 LSB", "override THH (register value; default: the network's own; 10-bit signed field, so 511 is the highest)", 0, 511);
    s.add_uint("workload.timesteps", 0, "steps", "run only the first N time steps (0 = all)", 0, 1e9);
    s.add_uint("workload.weight_address", 0, "address", "where the weight image is placed in memory (8-byte aligned)", 0, 4294967295.0);

    s.add_uint("synthetic.layers", 2, "layers", "synthetic network: GRU layers", 1, 4);
    s.add_uint("synthetic.input_size", 16, "elements", "synthetic network: inputs (multiple of 8)", 8, 1024);
    s.add_uint("synthetic.hidden_size", 64, "neurons", "synthetic network: neurons per layer (multiple of 8)", 16, 1024);
    s.add_uint("synthetic.timesteps", 200, "steps", "synthetic stimulus length", 1, 1e8);
    s.add_uint("synthetic.seed", 1, "", "seed of weights and stimulus", 0, 1.8e19);
    s.add_uint("synthetic.num_outputs", 2, "outputs", "synthetic classifier outputs (0 = none)", 0, 64);
    s.add_int("synthetic.thx", 0, "Q8.8 LSB", "synthetic network's THX (register value; 10-bit signed field, so 511 is the highest)", 0, 511);
    s.add_int("synthetic.thh", 0, "Q8.8 LSB", "synthetic network's THH (register value; 10-bit signed field, so 511 is the highest)", 0, 511);

    s.add_path("run.outputs", "write the last layer's outputs, one line per time step (raw Q8.8)");
    s.add_path("run.stats_json", "write all statistics as one JSON object");
    s.add_bool("run.compare_paper", false, "print the EdgeDRNN paper's figures beside the platform's");
    s.add_path("run.bandwidth_csv", "write bandwidth per time window and interconnect port as CSV (<ic>.bandwidth_window_ns)");
    return s;
}

}  // namespace

const ConfigSchema& platform_schema() {
    static const ConfigSchema schema = build_schema();
    return schema;
}

}  // namespace vp
