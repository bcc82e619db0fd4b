// The MiniZed SoC end to end: the real driver flow on the native CPU, through the
// interconnects, the AXI DMA, EdgeDRNN and DDR/OCM.
#include <gtest/gtest.h>

#include "tests/platform/job_fixture.h"
#include "tests/support/test_paths.h"
#include "vp/config/config.h"

using vp_test::run_vp_job;

TEST(Soc, RealNetworkThroughDriverDmaInterconnectAndDdr) {
    VP_REQUIRE_SHARED_DATA(data);
    const std::string sdk = data + "/sdk-export/";
    const auto r = run_vp_job("minized.cfg", {{"workload.network", sdk + "edgedrnn_params.c"},
                                              {"workload.stimulus", sdk + "edgedrnn_test.c"}});
    const auto& s = r.stats;
    EXPECT_EQ(r.exit_status, 0);
    EXPECT_EQ(s["run.timesteps_completed"], 1000);
    EXPECT_EQ(s["run.mismatches_rnn"], 0);
    EXPECT_EQ(s["run.mismatches_fc"], 0);
    EXPECT_EQ(s["run.app_status"], 0);
    // Every byte the driver asked for crossed the DMA and the PL interconnect.
    EXPECT_EQ(s["axi_dma.mm2s.transfers"], 1000);
    EXPECT_EQ(s["axi_dma.mm2s.bytes"], 1000 * 16);
    EXPECT_EQ(s["axi_dma.s2mm.bytes"], 1000 * 32);
    EXPECT_EQ(s["hp.dma_mm2s.rd.bytes"], 1000 * 16);
    EXPECT_EQ(s["hp.dma_s2mm.wr.bytes"], 1000 * 32);
    EXPECT_EQ(s["hp.edgedrnn_weights.rd.bytes"], s["edgedrnn.weight_bytes"]);
    EXPECT_EQ(s["ddr.hp0.read_bytes"].get<double>(),
              s["edgedrnn.weight_bytes"].get<double>() + 16000.0);  // weights + inputs
    EXPECT_EQ(s["ocm.hp0.write_bytes"], 1000 * 32);                   // the receive buffer
    // The application's latency covers the accelerator's step and the driver around it.
    const double accel_us = s["edgedrnn.cycles_per_step"].get<double>() / 125.0;
    EXPECT_GT(s["run.latency_us.mean"].get<double>(), accel_us);
    EXPECT_LT(s["run.latency_us.mean"].get<double>(), accel_us + 5.0);
    EXPECT_LE(s["run.latency_us.min"].get<double>(), s["run.latency_us.mean"].get<double>());
    EXPECT_GE(s["run.latency_us.max"].get<double>(), s["run.latency_us.mean"].get<double>());
}

TEST(Soc, RealNetworkTestbenchFilesOnTheSoc) {
    VP_REQUIRE_SHARED_DATA(data);
    const std::string tb = data + "/rtl-testbench/";
    const auto r = run_vp_job("minized.cfg", {{"workload.network", tb + "edgedrnn_tb_params.txt"},
                                              {"workload.registers", tb + "edgedrnn_tb_creg.txt"},
                                              {"workload.stimulus", tb + "edgedrnn_tb_stim.txt"},
                                              {"workload.gold", tb + "edgedrnn_tb_gold_rnn.txt"}});
    EXPECT_EQ(r.exit_status, 0);
    EXPECT_EQ(r.stats["run.mismatches_rnn"], 0);
    EXPECT_EQ(r.stats["edgedrnn.columns"], 21500);  // the same work as on the ideal platform
}

TEST(Soc, SyntheticNetworkWithThresholdsMatchesTheReference) {
    const auto r = run_vp_job("minized.cfg", {{"synthetic.hidden_size", "128"},
                                              {"synthetic.input_size", "24"},
                                              {"synthetic.timesteps", "60"},
                                              {"synthetic.thx", "8"},
                                              {"synthetic.thh", "8"}});
    EXPECT_EQ(r.exit_status, 0);
    EXPECT_EQ(r.stats["run.mismatches_rnn"], 0);
    EXPECT_EQ(r.stats["run.mismatches_fc"], 0);
    EXPECT_EQ(r.stats["run.timesteps_completed"], 60);
}

TEST(Soc, ReceiveBufferOutsideMemoryIsAConfigurationError) {
    try {
        run_vp_job("minized.cfg", {{"software.rx_address", "0x30000000"}, {"synthetic.timesteps", "2"}});
        FAIL() << "expected a configuration error";
    } catch (const vp::ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("software.rx_address"), std::string::npos) << e.what();
    }
}


// A console left at its reset values (transmitter disabled): the BSP's putc waits for
// SR.TXFULL to clear, which nothing can do; the run is stopped as a hang, not left spinning.
TEST(Soc, ConsoleThatNeverDrainsIsStoppedAsAHang) {
    const auto r = run_vp_job("minized.cfg", {{"uart1.boot_configured", "false"},
                                              {"cpu.poll_hang_s", "0.5"},
                                              {"synthetic.timesteps", "1"}});
    EXPECT_NE(r.exit_status, 0);
    EXPECT_GE(r.stats["sim.simulated_s"].get<double>(), 0.5);
    EXPECT_LT(r.stats["sim.simulated_s"].get<double>(), 0.6);
}

// The accelerator refuses its configuration (a layer count above edgedrnn.max_layers), so
// the DMA never finishes sending: the driver's poll budget (10^8 reads of DMASR) times out
// as it would read by read, and the platform, stopped inside the stream transfer, shuts
// down cleanly (it aborted in a payload's destructor before).
TEST(Soc, AcceleratorThatNeverTakesTheInputTimesOutTheDriver) {
    const auto r = run_vp_job("minized.cfg", {{"edgedrnn.max_layers", "1"}, {"synthetic.timesteps", "1"}});
    EXPECT_NE(r.exit_status, 0);
    EXPECT_EQ(r.stats["run.timesteps_completed"], 0);
    // 10^8 polls of about 74 ns each.
    EXPECT_NEAR(r.stats["sim.simulated_s"].get<double>(), 7.4, 0.1);
}
