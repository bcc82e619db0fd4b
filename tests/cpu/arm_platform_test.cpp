// The board ELFs on the MiniZed platform with the real network (../shared): the same
// outputs as the native CPU and the same work counters for the accelerator, the DMA and
// the DDR. What may differ is timing: the ISS executes every instruction (CPI 1), so
// the CPU arms S2MM later and the accelerator waits for its output
// (edgedrnn.output_wait_cycles, cycles/step), DDR refreshes and row hits follow the longer
// run, and the ELF's own pages appear in ddr.pages_allocated.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "tests/cpu/arm_bench.h"
#include "tests/platform/job_fixture.h"
#include "tests/support/test_paths.h"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

using Sets = std::vector<std::pair<std::string, std::string>>;

Sets sdk_job(const std::string& data, const std::string& outputs) {
    const std::string sdk = data + "/sdk-export/";
    return {{"workload.network", sdk + "edgedrnn_params.c"},
            {"workload.stimulus", sdk + "edgedrnn_test.c"},
            {"run.outputs", outputs}};
}

// A run in a child process (SystemC elaborates once per process; by default the native
// CPU): its statistics come back as a JSON file.
nlohmann::json run_native_in_child(const Sets& sets, const std::string& json_path) {
    const pid_t pid = fork();
    if (pid == 0) {
        Sets s = sets;
        s.push_back({"run.stats_json", json_path});
        const auto r = vp_test::run_vp_job("minized.cfg", s);
        _exit(r.exit_status);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the run in the child failed";
    return nlohmann::json::parse(read_file(json_path));
}

void expect_same_work(const nlohmann::json& native, const nlohmann::json& arm) {
    for (const char* key : {"run.timesteps_completed", "run.mismatches_rnn", "run.mismatches_fc",
                            "edgedrnn.timesteps", "edgedrnn.columns", "edgedrnn.bias_columns",
                            "edgedrnn.weight_bytes", "edgedrnn.l1.dx", "edgedrnn.l1.dh", "edgedrnn.l2.dx",
                            "edgedrnn.l2.dh", "axi_dma.mm2s.transfers", "axi_dma.mm2s.bytes",
                            "axi_dma.s2mm.transfers", "axi_dma.s2mm.bytes", "axi_dma.mm2s.errors",
                            "axi_dma.s2mm.errors", "ddr.reads", "ddr.read_bytes", "ddr.writes",
                            "ddr.write_bytes", "ddr.hp0.reads", "ddr.hp0.read_bytes", "ddr.cpu.reads",
                            "ddr.cpu.writes"}) {
        ASSERT_TRUE(native.contains(key) && arm.contains(key)) << key;
        EXPECT_EQ(native[key], arm[key]) << key;
    }
}

}  // namespace

TEST(ArmPlatform, RealNetworkElfMatchesTheNativeRun) {
    VP_REQUIRE_SHARED_DATA(data);
    const std::string dir = vp_test::scratch_dir("arm_real_network");
    const nlohmann::json native = run_native_in_child(sdk_job(data, dir + "/native.txt"), dir + "/native.json");
    Sets sets = sdk_job(data, dir + "/arm.txt");
    sets.push_back({"cpu.model", "arm"});
    const auto arm = vp_test::run_vp_job("minized.cfg", sets);
    EXPECT_EQ(arm.exit_status, 0);
    EXPECT_EQ(arm.stats["run.timesteps_completed"], 1000);
    EXPECT_EQ(arm.stats["run.mismatches_rnn"], 0);
    EXPECT_EQ(arm.stats["run.mismatches_fc"], 0);
    EXPECT_EQ(read_file(dir + "/arm.txt"), read_file(dir + "/native.txt"));
    expect_same_work(native, arm.stats);
    std::printf("[ real app ] native: latency %.3f us/step, wall %.3f s | ARM ISS: latency %.3f us/step, "
                "wall %.3f s, %.0f instructions, %.1f MIPS, polling %.0f ns\n",
                native["run.latency_us.mean"].get<double>(), native["sim.wall_s"].get<double>(),
                arm.stats["run.latency_us.mean"].get<double>(), arm.stats["sim.wall_s"].get<double>(),
                arm.stats["cpu.instructions"].get<double>(), arm.stats["cpu.mips"].get<double>(),
                arm.stats["cpu.polling_ns"].get<double>());
}

TEST(ArmPlatform, InterruptDrivenElfGivesTheSameOutputs) {
    VP_REQUIRE_SHARED_DATA(data);
    const std::string dir = vp_test::scratch_dir("arm_irq_network");
    const nlohmann::json native = run_native_in_child(sdk_job(data, dir + "/native.txt"), dir + "/native.json");
    Sets sets = sdk_job(data, dir + "/irq.txt");
    sets.push_back({"cpu.model", "arm"});
    sets.push_back({"cpu.elf", vp_test::guest_elf("edgedrnn_bench_irq")});
    const auto irq = vp_test::run_vp_job("minized.cfg", sets);
    EXPECT_EQ(irq.exit_status, 0);
    EXPECT_EQ(irq.stats["run.mismatches_rnn"], 0);
    EXPECT_EQ(irq.stats["run.mismatches_fc"], 0);
    EXPECT_EQ(read_file(dir + "/irq.txt"), read_file(dir + "/native.txt"));
    expect_same_work(native, irq.stats);
    EXPECT_EQ(irq.stats["cpu.irqs"], 1000) << "one S2MM interrupt per step";
    EXPECT_GT(irq.stats["cpu.wfi_ns"].get<double>(), 0);
    std::printf("[ irq app ] latency %.3f us/step, wall %.3f s, %.0f ns in WFI\n",
                irq.stats["run.latency_us.mean"].get<double>(), irq.stats["sim.wall_s"].get<double>(),
                irq.stats["cpu.wfi_ns"].get<double>());
}

// cpu.poll_skip on the ISS: the guest's DMASR polling loop waited out at the register's
// change event gives the same outputs and, within 3 %, the latency of polling read by read.
// The reference runs with a 1 us quantum (minized.cfg: 10 us): a CPU that spins sees the
// DMA finish only when it next syncs, up to a quantum late, while the skip syncs at once.
TEST(ArmPlatform, PollSkipKeepsOutputsAndLatencyOfReadByReadPolling) {
    VP_REQUIRE_SHARED_DATA(data);
    const std::string dir = vp_test::scratch_dir("arm_poll_skip");
    Sets spin = sdk_job(data, dir + "/spin.txt");
    spin.push_back({"cpu.model", "arm"});
    spin.push_back({"sim.quantum_ns", "1000"});
    spin.push_back({"cpu.poll_skip", "false"});
    const nlohmann::json off = run_native_in_child(spin, dir + "/spin.json");
    Sets sets = sdk_job(data, dir + "/skip.txt");
    sets.push_back({"cpu.model", "arm"});
    sets.push_back({"sim.quantum_ns", "1000"});
    const auto on = vp_test::run_vp_job("minized.cfg", sets);
    EXPECT_EQ(on.exit_status, 0);
    EXPECT_EQ(on.stats["run.mismatches_rnn"], 0);
    EXPECT_EQ(read_file(dir + "/skip.txt"), read_file(dir + "/spin.txt"));
    expect_same_work(off, on.stats);
    EXPECT_GT(on.stats["cpu.polls_skipped"].get<double>(), 0);
    EXPECT_EQ(off["cpu.polls_skipped"].get<double>(), 0);
    const double a = on.stats["run.latency_us.mean"].get<double>(), b = off["run.latency_us.mean"].get<double>();
    EXPECT_NEAR(a, b, 0.03 * b);
    std::printf("[ poll skip ] latency %.3f us/step (read by read %.3f), device reads %.0f (%.0f), wall %.3f s (%.3f)\n",
                a, b, on.stats["cpu.reads"].get<double>(), off["cpu.reads"].get<double>(),
                on.stats["sim.wall_s"].get<double>(), off["sim.wall_s"].get<double>());
}

TEST(ArmPlatform, AMalformedElfIsAConfigurationErrorNamingTheFile) {
    const std::string path = vp_test::write_file(vp_test::scratch_dir("bad_elf") + "/bad.elf", "not an elf");
    try {
        vp_test::run_vp_job("minized.cfg", {{"cpu.model", "arm"}, {"cpu.elf", path}});
        FAIL() << "accepted";
    } catch (const vp::ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find(path + ": not an ELF file"), std::string::npos) << e.what();
    }
}
