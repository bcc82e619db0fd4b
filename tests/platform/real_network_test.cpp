// The real trained 2L-16H network (../shared) through the TLM model on the calibration
// platform: bit-exact against the RTL's gold, and SPEC 8's sparsity and cycle table.
#include <gtest/gtest.h>

#include "tests/platform/job_fixture.h"
#include "tests/support/test_paths.h"

using vp_test::run_vp_job;

TEST(RealNetwork, RtlTestbenchFilesMatchTheRtlGold) {
    VP_REQUIRE_SHARED_DATA(data);
    const std::string tb = data + "/rtl-testbench/";
    const auto r = run_vp_job("edgedrnn-ideal.cfg", {
        {"workload.network", tb + "edgedrnn_tb_params.txt"},
        {"workload.registers", tb + "edgedrnn_tb_creg.txt"},
        {"workload.stimulus", tb + "edgedrnn_tb_stim.txt"},
        {"workload.gold", tb + "edgedrnn_tb_gold_rnn.txt"}});
    EXPECT_EQ(r.exit_status, 0);
    EXPECT_EQ(r.stats["run.timesteps_completed"], 1000);
    EXPECT_EQ(r.stats["run.mismatches_rnn"], 0);
    EXPECT_FALSE(r.stats.contains("run.mismatches_fc")) << "the testbench files have no classifier";
    EXPECT_NEAR(r.stats["edgedrnn.cycles_per_step"].get<double>(), 188.2, 0.05);
}

TEST(RealNetwork, SdkExportMatchesRnnAndClassifierGold) {
    VP_REQUIRE_SHARED_DATA(data);
    const std::string sdk = data + "/sdk-export/";
    const auto r = run_vp_job("edgedrnn-ideal.cfg", {
        {"workload.network", sdk + "edgedrnn_params.c"},
        {"workload.stimulus", sdk + "edgedrnn_test.c"}});
    EXPECT_EQ(r.exit_status, 0);
    EXPECT_EQ(r.stats["run.timesteps_completed"], 1000);
    EXPECT_EQ(r.stats["run.mismatches_rnn"], 0);
    EXPECT_EQ(r.stats["run.mismatches_fc"], 0);
    // 21.498 input/hidden columns per step (SPEC 8 rounds to 21.50) plus the two bias
    // columns of step 0, each 3H = 48 bytes.
    EXPECT_EQ(r.stats["edgedrnn.bias_columns"], 2);
    EXPECT_EQ(r.stats["edgedrnn.columns"], 21500);
    EXPECT_EQ(r.stats["edgedrnn.weight_bytes"], 21500 * 48);
}

// SPEC 8: THX = THH = threshold -> columns/step (bias excluded), sparsity, cycles/step.
struct TableRow {
    int threshold;
    double columns_per_step;
    double sparsity;
    double cycles_per_step;
};

class RealNetworkSparsityTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(RealNetworkSparsityTable, MatchesSpecSection8) {
    VP_REQUIRE_SHARED_DATA(data);
    const TableRow row = GetParam();
    const std::string tb = data + "/rtl-testbench/";
    const auto r = run_vp_job("edgedrnn-ideal.cfg", {
        {"workload.network", tb + "edgedrnn_tb_params.txt"},
        {"workload.registers", tb + "edgedrnn_tb_creg.txt"},
        {"workload.stimulus", tb + "edgedrnn_tb_stim.txt"},
        {"workload.gold", tb + "edgedrnn_tb_gold_rnn.txt"},
        {"workload.thx", std::to_string(row.threshold)},
        {"workload.thh", std::to_string(row.threshold)}});
    EXPECT_EQ(r.exit_status, 0) << "outputs must match the reference model at this threshold";
    const double steps = r.stats["edgedrnn.timesteps"].get<double>();
    const double columns = r.stats["edgedrnn.columns"].get<double>() -
                           r.stats["edgedrnn.bias_columns"].get<double>();
    EXPECT_NEAR(columns / steps, row.columns_per_step, 0.005);
    EXPECT_NEAR(r.stats["edgedrnn.sparsity"].get<double>(), row.sparsity, 0.0005);
    EXPECT_NEAR(r.stats["edgedrnn.cycles_per_step"].get<double>(), row.cycles_per_step, 0.05);
}

INSTANTIATE_TEST_SUITE_P(Spec8, RealNetworkSparsityTable,
                         ::testing::Values(TableRow{0, 21.50, 0.616, 188.2},
                                           TableRow{8, 11.89, 0.788, 143.2},
                                           TableRow{16, 7.15, 0.872, 126.0},
                                           TableRow{32, 3.24, 0.942, 114.2},
                                           TableRow{64, 1.22, 0.978, 109.2}),
                         [](const auto& info) { return "threshold_" + std::to_string(info.param.threshold); });
