// The RTL testbench importer: the real files, agreement with the SDK export of the same
// network, and one test per kind of malformed input (FILE:LINE and the expectation).
#include "vp/workload/rtl_tb_import.h"
#include "vp/workload/sdk_export_import.h"

#include "tests/support/test_paths.h"
#include "tests/workload/import_test_util.h"

#include <gtest/gtest.h>

#include <cstdio>

using vp_test::at;
using vp_test::expect_contains;
using vp_test::workload_error;

namespace {

std::string hex(uint64_t v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*llX", digits, static_cast<unsigned long long>(v));
    return buf;
}

// A 128-bit beat of eight int16 lanes, lane 0 in the rightmost digits.
std::string beat(const int16_t (&lanes)[8]) {
    std::string s;
    for (int lane = 7; lane >= 0; --lane) s += hex(uint16_t(lanes[lane]), 4);
    return s;
}

// Hand-written testbench files of a one-layer network, I = H = 8 (17 columns x 24 bytes
// = 408 bytes = 51 words), 3 time steps; tests edit the lines and write().
struct SmallTb {
    std::vector<std::string> creg, params, stim, gold;
    std::string dir, creg_path, params_path, stim_path, gold_path;

    explicit SmallTb(const std::string& test_name) : dir(vp_test::scratch_dir(test_name)) {
        creg_path = dir + "/edgedrnn_tb_creg.txt";
        params_path = dir + "/edgedrnn_tb_params.txt";
        stim_path = dir + "/edgedrnn_tb_stim.txt";
        gold_path = dir + "/edgedrnn_tb_gold_rnn.txt";
        const uint32_t regs[32] = {0, 0x0406, 0xFFFF, 1, 8, 8};
        for (uint32_t r : regs) creg.push_back(hex(r, 4) + " // " + std::to_string(r) + ",");
        for (int n = 0; n < 51; ++n) params.push_back(hex(0x0102030405060708ull * uint64_t(n + 1), 16));
        for (int t = 0; t < 3; ++t) {
            const int16_t in[8] = {256, int16_t(-t), 3, 4, 5, 0, 0, int16_t(-32768)};
            const int16_t out[8] = {int16_t(t), -1, -2, -3, 4, 5, 6, 32767};
            stim.push_back(beat(in));
            gold.push_back(beat(out) + " // lanes");
        }
    }
    static std::string join(const std::vector<std::string>& lines) {
        std::string s;
        for (const std::string& l : lines) s += l + "\n";
        return s;
    }
    void write() const {
        vp_test::write_file(creg_path, join(creg));
        vp_test::write_file(params_path, join(params));
        vp_test::write_file(stim_path, join(stim));
        vp_test::write_file(gold_path, join(gold));
    }
    vp::Network network() const {
        write();
        return vp::import_tb_network(params_path, creg_path);
    }
    std::string network_error() const {
        return workload_error([&] { network(); });
    }
    std::string stimulus_error() const {
        return workload_error([&] { vp::import_tb_stimulus(stim_path, gold_path, network()); });
    }
};

std::string test_name() {
    return ::testing::UnitTest::GetInstance()->current_test_info()->name();
}

struct RealTb {
    std::string params, creg, stim, gold;
    explicit RealTb(const std::string& data)
        : params(data + "/rtl-testbench/edgedrnn_tb_params.txt"),
          creg(data + "/rtl-testbench/edgedrnn_tb_creg.txt"),
          stim(data + "/rtl-testbench/edgedrnn_tb_stim.txt"),
          gold(data + "/rtl-testbench/edgedrnn_tb_gold_rnn.txt") {}
};

}  // namespace

// ---- the real testbench data ----

TEST(TbImport, RealShapes) {
    VP_REQUIRE_SHARED_DATA(data);
    const RealTb tb(data);
    const vp::Network net = vp::import_tb_network(tb.params, tb.creg);
    EXPECT_EQ(net.num_layers, 2u);
    EXPECT_EQ(net.input_size, 8u);
    EXPECT_EQ(net.hidden_sizes, (std::vector<unsigned>{16, 16}));
    ASSERT_EQ(net.weights.size(), 2784u);
    // line 1: 1624F50D0902151B = lanes 7..0 = 22, 36, -11, 13, 9, 2, 21, 27
    EXPECT_EQ(net.weights[0], 27);
    EXPECT_EQ(net.weights[5], -11);
    EXPECT_EQ(net.weights[7], 22);
    EXPECT_EQ(net.thx, 0);
    EXPECT_EQ(net.thh, 0);
    EXPECT_EQ(net.num_outputs, 0u);

    const vp::Stimulus stim = vp::import_tb_stimulus(tb.stim, tb.gold, net);
    EXPECT_EQ(stim.timesteps, 1000u);
    ASSERT_EQ(stim.inputs.size(), 8000u);
    // line 1: 000000000000FFF4FFDB000A00100100 = 0,0,0,-12,-37,10,16,256
    EXPECT_EQ(stim.inputs[0], 256);
    EXPECT_EQ(stim.inputs[3], -37);
    EXPECT_EQ(stim.gold_width, 16u);
    ASSERT_EQ(stim.gold_rnn.size(), 16000u);
    EXPECT_EQ(stim.gold_rnn[0], 150);
    EXPECT_EQ(stim.gold_rnn[7], -126);
    EXPECT_EQ(stim.gold_fc_width, 0u);

    const vp::Stimulus no_gold = vp::import_tb_stimulus(tb.stim, "", net);
    EXPECT_EQ(no_gold.gold_width, 0u);
    EXPECT_TRUE(no_gold.gold_rnn.empty());
}

// The two exports are the same network (SPEC 3.4): weights, shape, thresholds, inputs
// and golden hidden outputs must agree exactly.
TEST(TbImport, AgreesWithSdkExport) {
    VP_REQUIRE_SHARED_DATA(data);
    const RealTb tb(data);
    const vp::Network tb_net = vp::import_tb_network(tb.params, tb.creg);
    const vp::Network sdk_net = vp::import_sdk_network(data + "/sdk-export/edgedrnn_params.c");
    EXPECT_EQ(tb_net.num_layers, sdk_net.num_layers);
    EXPECT_EQ(tb_net.input_size, sdk_net.input_size);
    EXPECT_EQ(tb_net.hidden_sizes, sdk_net.hidden_sizes);
    EXPECT_EQ(tb_net.thx, sdk_net.thx);
    EXPECT_EQ(tb_net.thh, sdk_net.thh);
    EXPECT_TRUE(tb_net.weights == sdk_net.weights);

    const vp::Stimulus tb_stim = vp::import_tb_stimulus(tb.stim, tb.gold, tb_net);
    const vp::Stimulus sdk_stim =
        vp::import_sdk_stimulus(data + "/sdk-export/edgedrnn_test.c", sdk_net);
    EXPECT_EQ(tb_stim.timesteps, sdk_stim.timesteps);
    EXPECT_TRUE(tb_stim.inputs == sdk_stim.inputs);
    EXPECT_EQ(tb_stim.gold_width, sdk_stim.gold_width);
    EXPECT_TRUE(tb_stim.gold_rnn == sdk_stim.gold_rnn);
}

// ---- hand-written files ----

TEST(TbImport, SmallFilesDecodeLanes) {
    SmallTb tb(test_name());
    tb.params.insert(tb.params.begin() + 1, "   // a comment-only line");
    tb.params.insert(tb.params.begin() + 2, "");
    const vp::Network net = tb.network();
    EXPECT_EQ(net.hidden_sizes, (std::vector<unsigned>{8}));
    ASSERT_EQ(net.weights.size(), 408u);
    // word 0 = 0102030405060708: lane 0 = 0x08 ... lane 7 = 0x01
    EXPECT_EQ(net.weights[0], 8);
    EXPECT_EQ(net.weights[7], 1);
    EXPECT_EQ(net.weights[8], 16);  // word 1 = 2 x word 0 (blank lines skipped)
    EXPECT_EQ(net.thx, 0x0406);     // raw register value, not the 10-bit field
    EXPECT_EQ(net.thh, 0xFFFF);
    const vp::Stimulus stim = vp::import_tb_stimulus(tb.stim_path, tb.gold_path, net);
    EXPECT_EQ(stim.timesteps, 3u);
    EXPECT_EQ(stim.inputs[0], 256);
    EXPECT_EQ(stim.inputs[8 + 1], -1);
    EXPECT_EQ(stim.inputs[7], -32768);
    EXPECT_EQ(stim.gold_rnn[16], 2);
    EXPECT_EQ(stim.gold_rnn[7], 32767);
    EXPECT_EQ(stim.gold_rnn[1], -1);
}

// ---- malformed inputs ----

TEST(TbImportErrors, MissingFile) {
    SmallTb tb(test_name());
    tb.write();
    const std::string missing = tb.dir + "/nope.txt";
    expect_contains(workload_error([&] { vp::import_tb_network(tb.params_path, missing); }),
                    {missing, "cannot open", "expected"});
    expect_contains(workload_error([&] { vp::import_tb_network(missing, tb.creg_path); }),
                    {missing, "cannot open", "weight image"});
    const vp::Network net = tb.network();
    expect_contains(workload_error([&] { vp::import_tb_stimulus(tb.stim_path, missing, net); }),
                    {missing, "cannot open", "golden"});
}

TEST(TbImportErrors, EmptyFile) {
    SmallTb tb(test_name());
    tb.params = {"// only a comment", ""};
    expect_contains(tb.network_error(), {at(tb.params_path, 1), "empty", "16 hex digits"});
    tb = SmallTb(test_name());
    tb.stim.clear();
    expect_contains(tb.stimulus_error(), {at(tb.stim_path, 1), "empty", "32 hex digits"});
}

TEST(TbImportErrors, BadHexDigit) {
    SmallTb tb(test_name());
    tb.params[4][3] = 'G';
    expect_contains(tb.network_error(),
                    {at(tb.params_path, 5), "'G' (column 4) is not a hex digit", "16 hex digits"});
    tb = SmallTb(test_name());
    tb.stim[1] = "0x" + tb.stim[1].substr(2);
    expect_contains(tb.stimulus_error(), {at(tb.stim_path, 2), "'x'", "32 hex digits"});
    tb = SmallTb(test_name());
    tb.creg[9] = "00 0";
    expect_contains(tb.network_error(), {at(tb.creg_path, 10), "' '", "register value"});
}

TEST(TbImportErrors, WrongDigitCount) {
    SmallTb tb(test_name());
    tb.params[50].pop_back();
    expect_contains(tb.network_error(),
                    {at(tb.params_path, 51), "15 hex digits", "expected 16 hex digits"});
    tb = SmallTb(test_name());
    tb.gold[2] = "0" + tb.gold[2];
    expect_contains(tb.stimulus_error(), {at(tb.gold_path, 3), "33 hex digits", "expected 32"});
    tb = SmallTb(test_name());
    tb.creg[0] = "000";
    expect_contains(tb.network_error(), {at(tb.creg_path, 1), "3 hex digits", "expected 4"});
}

TEST(TbImportErrors, CregLineCount) {
    SmallTb tb(test_name());
    tb.creg.pop_back();
    expect_contains(tb.network_error(),
                    {at(tb.creg_path, 31), "31 register lines", "expected exactly 32"});
    tb.creg.push_back("0000");
    tb.creg.push_back("0000");
    expect_contains(tb.network_error(),
                    {at(tb.creg_path, 33), "33 register lines", "expected exactly 32"});
}

TEST(TbImportErrors, CregShapeOutOfRange) {
    SmallTb tb(test_name());
    tb.creg[3] = "0005";
    expect_contains(tb.network_error(), {at(tb.creg_path, 4), "NUM_LAYER", "is 5", "1..4"});
    tb = SmallTb(test_name());
    tb.creg[5] = "000C";
    expect_contains(tb.network_error(),
                    {at(tb.creg_path, 6), "SIZE_1", "is 12", "multiple of 8"});
}

TEST(TbImportErrors, ParamsSizeDiffersFromShape) {
    SmallTb tb(test_name());
    tb.params.pop_back();
    expect_contains(tb.network_error(), {at(tb.params_path, 50), "50 words = 400 bytes",
                                         "expected 51 words = 408 bytes", "17 columns"});
}

TEST(TbImportErrors, StimNotWholeSteps) {
    SmallTb tb(test_name());
    tb.creg[4] = "0010";  // I = 16: two beats per step, 3 lines is 1.5 steps
    tb.params.resize(75, "0000000000000000");  // (16 + 8 + 1) columns x 24 B
    expect_contains(tb.stimulus_error(),
                    {at(tb.stim_path, 3), "3 beats", "multiple of 2", "per time step"});
}

TEST(TbImportErrors, GoldStepCountDiffers) {
    SmallTb tb(test_name());
    tb.gold.pop_back();
    expect_contains(tb.stimulus_error(),
                    {at(tb.gold_path, 2), "2 time steps", "expected 3", tb.stim_path});
}

TEST(TbImportErrors, RealStimCopyWithBadLine) {
    VP_REQUIRE_SHARED_DATA(data);
    const RealTb tb(data);
    const std::string dir = vp_test::scratch_dir(test_name());
    std::string text = vp_test::read_text(tb.stim);
    // line 500: drop the last digit of the beat, keep the comment
    size_t pos = 0;
    for (int line = 1; line < 500; ++line) pos = text.find('\n', pos) + 1;
    text.erase(text.find(" //", pos) - 1, 1);
    const std::string path = vp_test::write_file(dir + "/stim.txt", text);
    const vp::Network net = vp::import_tb_network(tb.params, tb.creg);
    expect_contains(workload_error([&] { vp::import_tb_stimulus(path, tb.gold, net); }),
                    {at(path, 500), "31 hex digits", "expected 32"});
}

// The reverse: an SDK export's edgedrnn_test.c given with a testbench network failed with
// "'#' (column 1) is not a hex digit"; now it is named as the other format.
TEST(TbImportErrors, SdkStimulusWithATestbenchNetworkIsNamed) {
    SmallTb tb(test_name());
    tb.stim = {"#include \"edgedrnn_test.h\"", "const short edgedrnn_test_stim[24] = {", "256,16,10,", "};"};
    expect_contains(tb.stimulus_error(), {at(tb.stim_path, 1), "looks like an SDK-export stimulus (C source)",
                                          "but the network is an RTL-testbench file (" + tb.params_path + ")",
                                          "32 hex digits"});
    tb.stim = {"/* no include */", "const short edgedrnn_test_stim[] = {256,16,10};"};
    expect_contains(tb.stimulus_error(), {at(tb.stim_path, 2), "looks like an SDK-export stimulus"});
}
