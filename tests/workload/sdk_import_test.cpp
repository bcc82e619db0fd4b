// The SDK export importer: the real export, C syntax variants, and one test per kind of
// malformed input (the message must name FILE:LINE and what was expected).
#include "vp/workload/sdk_export_import.h"

#include "tests/support/test_paths.h"
#include "tests/workload/import_test_util.h"

#include <gtest/gtest.h>

#include <random>

using vp_test::at;
using vp_test::expect_contains;
using vp_test::line_of;
using vp_test::replace_once;
using vp_test::workload_error;

namespace {

// Comma-separated values, 16 per line, each line ending with a comma except the last.
std::string values(const std::vector<int>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) {
        s += std::to_string(v[i]);
        if (i + 1 < v.size()) s += (i % 16 == 15) ? ",\n" : ",";
    }
    return s + "\n";
}

std::vector<int> ramp(size_t n, int mul, int lo, int span) {
    std::vector<int> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = lo + int((i * mul) % span);
    return v;
}

// A hand-written export of a one-layer network, I = H = 8 (17 columns x 24 bytes = 408
// weights), a 2-output classifier and 3 time steps; tests edit the texts and write().
struct SmallSdk {
    std::string params_h =
        "#ifndef EDGEDRNN_PARAMS_H\n"
        "#define EDGEDRNN_PARAMS_H\n"
        "#define RNN_PARAM_SIZE 408\n"
        "#define CL_BIAS_SIZE 2\n"
        "#define CL_WEIGHT_SIZE 16\n"
        "#define RNN_LAYERS 1\n"
        "#define INP_SIZE 8\n"
        "#define RNN_SIZE 8\n"
        "#define THX 3\n"
        "#define THH 2\n"
        "#endif\n";
    std::string params_c =
        "#include \"edgedrnn_params.h\"\n"
        "const signed char rnn_param[RNN_PARAM_SIZE] = {\n" +
        values(ramp(408, 37, -128, 256)) +
        "};\n\n"
        "const signed char cl_bias[CL_BIAS_SIZE] = {\n127,-127};\n\n"
        "const signed char cl_weight[CL_WEIGHT_SIZE] = {\n" +
        values(ramp(16, 1, -8, 16)) + "};\n";
    std::string test_h =
        "#define EDGEDRNN_TEST_STIM_NUM_ROWS 8\n"
        "#define EDGEDRNN_TEST_STIM_NUM_COLS 3\n"
        "#define EDGEDRNN_TEST_STIM_MAT_SIZE 24\n"
        "#define EDGEDRNN_TEST_GOLD_FC_NUM_ROWS 2\n"
        "#define EDGEDRNN_TEST_GOLD_FC_NUM_COLS 3\n"
        "#define EDGEDRNN_TEST_GOLD_FC_MAT_SIZE 6\n"
        "#define EDGEDRNN_TEST_GOLD_RNN_NUM_ROWS 8\n"
        "#define EDGEDRNN_TEST_GOLD_RNN_NUM_COLS 3\n"
        "#define EDGEDRNN_TEST_GOLD_RNN_MAT_SIZE 24\n";
    std::string test_c =
        "#include \"edgedrnn_test.h\"\n"
        "const short edgedrnn_test_stim[EDGEDRNN_TEST_STIM_MAT_SIZE] = {\n"
        "256,16,10,-37,-12,0,0,0,\n"
        "256,16,11,-37,-12,0,0,0,\n"
        "256,16,9,-37,-13,0,0,0\n"
        "};\n\n"
        "const float edgedrnn_test_gold_fc[EDGEDRNN_TEST_GOLD_FC_MAT_SIZE] = {\n"
        "5.13671875000000000000,-2.90234375000000000000,\n"
        "0.5,-0.25,\n"
        "1,-1\n"
        "};\n\n"
        "const short edgedrnn_test_gold_rnn[EDGEDRNN_TEST_GOLD_RNN_MAT_SIZE] = {\n" +
        values(ramp(24, 11, -100, 200)) + "};\n";

    std::string dir, params_c_path, params_h_path, test_c_path, test_h_path;

    explicit SmallSdk(const std::string& test_name) : dir(vp_test::scratch_dir(test_name)) {
        params_c_path = dir + "/edgedrnn_params.c";
        params_h_path = dir + "/edgedrnn_params.h";
        test_c_path = dir + "/edgedrnn_test.c";
        test_h_path = dir + "/edgedrnn_test.h";
    }
    void write() const {
        vp_test::write_file(params_h_path, params_h);
        vp_test::write_file(params_c_path, params_c);
        vp_test::write_file(test_h_path, test_h);
        vp_test::write_file(test_c_path, test_c);
    }
    vp::Network network() const {
        write();
        return vp::import_sdk_network(params_c_path);
    }
    vp::Stimulus stimulus() const { return vp::import_sdk_stimulus(test_c_path, network()); }
    std::string network_error() const {
        return workload_error([&] { network(); });
    }
    std::string stimulus_error() const {
        return workload_error([&] { stimulus(); });
    }
};

std::string test_name() {
    return ::testing::UnitTest::GetInstance()->current_test_info()->name();
}

}  // namespace

// ---- the real export ----

TEST(SdkImport, RealNetworkShape) {
    VP_REQUIRE_SHARED_DATA(data);
    const vp::Network net = vp::import_sdk_network(data + "/sdk-export/edgedrnn_params.c");
    EXPECT_EQ(net.num_layers, 2u);
    EXPECT_EQ(net.input_size, 8u);
    EXPECT_EQ(net.hidden_sizes, (std::vector<unsigned>{16, 16}));
    EXPECT_EQ(net.total_columns(), 58u);
    ASSERT_EQ(net.weights.size(), 2784u);
    EXPECT_EQ(net.weights.front(), 27);   // first value of rnn_param
    EXPECT_EQ(net.weights.back(), 56);    // last value
    EXPECT_EQ(net.thx, 0);
    EXPECT_EQ(net.thh, 0);
    EXPECT_EQ(net.num_outputs, 2u);
    EXPECT_EQ(net.cl_bias, (std::vector<int8_t>{127, -127}));
    ASSERT_EQ(net.cl_weight.size(), 32u);
    EXPECT_EQ(net.cl_weight[3], -127);
}

TEST(SdkImport, RealStimulusShape) {
    VP_REQUIRE_SHARED_DATA(data);
    const vp::Network net = vp::import_sdk_network(data + "/sdk-export/edgedrnn_params.c");
    const vp::Stimulus stim = vp::import_sdk_stimulus(data + "/sdk-export/edgedrnn_test.c", net);
    EXPECT_EQ(stim.timesteps, 1000u);
    EXPECT_EQ(stim.input_size, 8u);
    ASSERT_EQ(stim.inputs.size(), 8000u);
    EXPECT_EQ(stim.inputs[0], 256);
    EXPECT_EQ(stim.inputs[3], -37);
    EXPECT_EQ(stim.gold_width, 16u);
    ASSERT_EQ(stim.gold_rnn.size(), 16000u);
    EXPECT_EQ(stim.gold_rnn[0], 150);
    EXPECT_EQ(stim.gold_fc_width, 2u);
    ASSERT_EQ(stim.gold_fc.size(), 2000u);
    EXPECT_EQ(stim.gold_fc[0], 1315);   // 5.13671875 * 256
    EXPECT_EQ(stim.gold_fc[1], -743);   // -2.90234375 * 256
    EXPECT_NO_THROW(vp::check_consistent(net, stim));
}

// ---- hand-written exports ----

TEST(SdkImport, SmallExportValues) {
    const SmallSdk sdk(test_name());
    const vp::Network net = sdk.network();
    EXPECT_EQ(net.num_layers, 1u);
    EXPECT_EQ(net.hidden_sizes, (std::vector<unsigned>{8}));
    EXPECT_EQ(net.thx, 3);
    EXPECT_EQ(net.thh, 2);
    ASSERT_EQ(net.weights.size(), 408u);
    const std::vector<int> expect = ramp(408, 37, -128, 256);
    for (size_t i = 0; i < expect.size(); ++i) ASSERT_EQ(net.weights[i], expect[i]) << i;
    EXPECT_EQ(net.num_outputs, 2u);
    EXPECT_EQ(net.cl_weight.size(), 16u);
    const vp::Stimulus stim = vp::import_sdk_stimulus(sdk.test_c_path, net);
    EXPECT_EQ(stim.timesteps, 3u);
    EXPECT_EQ(stim.inputs[8 + 2], 11);
    EXPECT_EQ(stim.gold_fc, (std::vector<int16_t>{1315, -743, 128, -64, 256, -256}));
    EXPECT_EQ(stim.gold_rnn.size(), 24u);
}

TEST(SdkImport, ToleratesCSyntaxVariants) {
    SmallSdk sdk(test_name());
    // Comments everywhere, static/const/attributes, int8_t/char, hex and negative hex
    // literals, blank lines, trailing commas, a literal array size, no classifier macros.
    std::string weights = "0x7f, -0x80, /* inline */ 010,\n\n  -1 ,";
    for (int i = 4; i < 408; ++i) weights += (i % 20 == 0 ? "\n" : " ") + std::to_string(i % 100) + ",";
    sdk.params_c =
        "/* exported\n   by hand */\n#include \"edgedrnn_params.h\"\n"
        "// the weights\n"
        "static const int8_t rnn_param [ 408 ] __attribute__ ((aligned (8))) =\n{\n" + weights +
        "\n};\n"
        "const char __attribute__((aligned(8))) cl_bias[] = { 1, -2, };\n"
        "signed char cl_weight[16]={" + values(std::vector<int>(16, -3)) + "};\n"
        "int unrelated = 5; static const char *name = \"x;{}\";\n";
    sdk.params_h = replace_once(sdk.params_h, "#define CL_BIAS_SIZE 2\n#define CL_WEIGHT_SIZE 16\n",
                                "#define THRESH_UNUSED 1 // comment\n");
    sdk.test_c = replace_once(sdk.test_c, "const float edgedrnn_test_gold_fc",
                              "static const double edgedrnn_test_gold_fc");
    sdk.test_c = replace_once(sdk.test_c, "5.13671875000000000000,-2.90234375000000000000,\n"
                                          "0.5,-0.25,\n1,-1\n",
                              "1.5e0f, -2.00390625,\n .5, 3E-1F, // six values\n 1, -0x10,\n");
    const vp::Network net = sdk.network();
    ASSERT_EQ(net.weights.size(), 408u);
    EXPECT_EQ(net.weights[0], 127);
    EXPECT_EQ(net.weights[1], -128);
    EXPECT_EQ(net.weights[2], 8);  // C octal
    EXPECT_EQ(net.weights[3], -1);
    EXPECT_EQ(net.weights[407], 7);
    EXPECT_EQ(net.cl_bias, (std::vector<int8_t>{1, -2}));
    EXPECT_EQ(net.cl_weight, std::vector<int8_t>(16, -3));
    const vp::Stimulus stim = vp::import_sdk_stimulus(sdk.test_c_path, net);
    EXPECT_EQ(stim.gold_fc, (std::vector<int16_t>{384, -513, 128, 77, 256, -4096}));
}

TEST(SdkImport, ShortGoldFcIsQ88AndGoldIsOptional) {
    SmallSdk sdk(test_name());
    sdk.test_c = replace_once(sdk.test_c, "const float edgedrnn_test_gold_fc", "const short edgedrnn_test_gold_fc");
    sdk.test_c = replace_once(sdk.test_c, "5.13671875000000000000,-2.90234375000000000000,\n"
                                          "0.5,-0.25,\n1,-1\n",
                              "1315,-743,128,-64,256,-256\n");
    const vp::Stimulus stim = sdk.stimulus();
    EXPECT_EQ(stim.gold_fc, (std::vector<int16_t>{1315, -743, 128, -64, 256, -256}));

    const size_t gold = sdk.test_c.find("const short edgedrnn_test_gold_rnn");
    sdk.test_c = sdk.test_c.substr(0, gold);
    const vp::Stimulus no_gold = sdk.stimulus();
    EXPECT_EQ(no_gold.gold_width, 0u);
    EXPECT_TRUE(no_gold.gold_rnn.empty());
}

// ---- malformed inputs ----

TEST(SdkImportErrors, MissingCFile) {
    const std::string dir = vp_test::scratch_dir(test_name());
    const std::string path = dir + "/edgedrnn_params.c";
    expect_contains(workload_error([&] { vp::import_sdk_network(path); }),
                    {path, "cannot open", "expected"});
}

TEST(SdkImportErrors, MissingHeader) {
    const SmallSdk sdk(test_name());
    sdk.write();
    std::remove(sdk.params_h_path.c_str());
    expect_contains(workload_error([&] { vp::import_sdk_network(sdk.params_c_path); }),
                    {sdk.params_h_path, "cannot open", "header"});
}

TEST(SdkImportErrors, MissingMacro) {
    SmallSdk sdk(test_name());
    sdk.params_h = replace_once(sdk.params_h, "#define RNN_SIZE 8\n", "");
    expect_contains(sdk.network_error(),
                    {at(sdk.params_h_path, 10), "RNN_SIZE is not defined", "#define RNN_SIZE"});
}

TEST(SdkImportErrors, MissingSizeMacro) {
    SmallSdk sdk(test_name());
    sdk.params_h = replace_once(sdk.params_h, "#define RNN_PARAM_SIZE 408\n", "");
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, 2), "size RNN_PARAM_SIZE of rnn_param",
                                          "#define RNN_PARAM_SIZE"});
}

TEST(SdkImportErrors, MacroNotAnInteger) {
    SmallSdk sdk(test_name());
    sdk.params_h = replace_once(sdk.params_h, "#define INP_SIZE 8\n", "#define INP_SIZE eight\n");
    expect_contains(sdk.network_error(),
                    {at(sdk.params_h_path, 7), "INP_SIZE", "'eight'", "expected an integer"});
}

TEST(SdkImportErrors, MacroOutOfRange) {
    SmallSdk sdk(test_name());
    sdk.params_h = replace_once(sdk.params_h, "#define RNN_LAYERS 1\n", "#define RNN_LAYERS 5\n");
    expect_contains(sdk.network_error(), {at(sdk.params_h_path, 6), "RNN_LAYERS is 5", "1..4"});
    sdk.params_h = replace_once(sdk.params_h, "#define RNN_LAYERS 5\n#define INP_SIZE 8",
                                "#define RNN_LAYERS 1\n#define INP_SIZE 5");
    expect_contains(sdk.network_error(), {at(sdk.params_h_path, 7), "multiple of 8"});
}

// THX/THH are 10-bit signed register fields: -600 was accepted (as 4294966696, with a
// warning at run time) and the outputs then differed. Outside 0..511 is an input error at
// the macro's line, printing the value as written.
TEST(SdkImportErrors, ThresholdOutsideTheRegisterField) {
    SmallSdk sdk(test_name());
    const std::string header = sdk.params_h;
    sdk.params_h = replace_once(header, "#define THX 3\n", "#define THX -600\n");
    expect_contains(sdk.network_error(),
                    {at(sdk.params_h_path, 9), "THX is -600, expected 0..511", "10-bit signed"});
    sdk.params_h = replace_once(header, "#define THH 2\n", "#define THH 512\n");
    expect_contains(sdk.network_error(), {at(sdk.params_h_path, 10), "THH is 512, expected 0..511"});
    sdk.params_h = replace_once(header, "#define THH 2\n", "#define THH 511\n");
    EXPECT_EQ(sdk.network().thh, 511);
}

TEST(SdkImportErrors, MissingArray) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "rnn_param[", "rnn_params[");
    expect_contains(sdk.network_error(),
                    {sdk.params_c_path + ":", "no array rnn_param", "expected the weight image"});
}

TEST(SdkImportErrors, NonNumericToken) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "127,-127}", "127,abc}");
    const unsigned line = line_of(sdk.params_c, "abc");
    expect_contains(sdk.network_error(),
                    {at(sdk.params_c_path, line), "'abc'", "not a number", "expected"});
}

TEST(SdkImportErrors, MalformedNumber) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "127,-127}", "127,12x}");
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, line_of(sdk.params_c, "12x")),
                                          "'12x'", "not an integer literal", "signed char"});
    sdk.params_c = replace_once(sdk.params_c, "12x", "1.5");
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, line_of(sdk.params_c, "1.5")),
                                          "'1.5'", "not an integer literal"});
}

TEST(SdkImportErrors, MissingComma) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "127,-127}", "127 -127}");
    expect_contains(sdk.network_error(),
                    {at(sdk.params_c_path, line_of(sdk.params_c, "127 -127")), "expected ','"});
}

TEST(SdkImportErrors, ValueOutOfRange) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "127,-127}", "127,-129}");
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, line_of(sdk.params_c, "-129")),
                                          "'-129'", "out of range for signed char", "-128..127"});
    sdk.params_c = replace_once(sdk.params_c, "-129", "0x80");
    expect_contains(sdk.network_error(), {"'0x80'", "-128..127"});
    sdk.test_c = replace_once(sdk.test_c, "256,16,11,", "256,32768,11,");
    sdk.params_c = replace_once(sdk.params_c, "0x80", "-127");
    expect_contains(sdk.stimulus_error(), {at(sdk.test_c_path, 4), "'32768'", "-32768..32767"});
}

TEST(SdkImportErrors, CountDiffersFromDeclaredSize) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "127,-127}", "127,-127,5}");
    expect_contains(sdk.network_error(),
                    {at(sdk.params_c_path, line_of(sdk.params_c, "cl_bias[")),
                     "cl_bias has 3 initializers", "expected its declared size 2"});
}

TEST(SdkImportErrors, CountDiffersFromShape) {
    SmallSdk sdk(test_name());
    // A consistent declaration of 400 weights still contradicts 17 columns x 24 bytes.
    sdk.params_h = replace_once(sdk.params_h, "RNN_PARAM_SIZE 408", "RNN_PARAM_SIZE 400");
    std::vector<int> w = ramp(400, 37, -128, 256);
    sdk.params_c = "#include \"edgedrnn_params.h\"\nconst signed char rnn_param[RNN_PARAM_SIZE] = {\n" +
                   values(w) + "};\nconst signed char cl_bias[2]={1,2};\nconst signed char cl_weight[16]={" +
                   values(std::vector<int>(16, 1)) + "};\n";
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, 2), "rnn_param has 400 elements",
                                          "expected 408", "17 columns x 24 bytes"});
}

TEST(SdkImportErrors, ClassifierShape) {
    SmallSdk sdk(test_name());
    sdk.params_h = replace_once(sdk.params_h, "CL_WEIGHT_SIZE 16", "CL_WEIGHT_SIZE 15");
    sdk.params_c = replace_once(sdk.params_c, ",7\n};", "\n};");
    expect_contains(sdk.network_error(),
                    {at(sdk.params_c_path, line_of(sdk.params_c, "cl_weight[")),
                     "cl_weight has 15 elements", "expected 16", "RNN_SIZE x CL_BIAS_SIZE"});
}

TEST(SdkImportErrors, ClassifierHalfPresent) {
    SmallSdk sdk(test_name());
    sdk.params_c = sdk.params_c.substr(0, sdk.params_c.find("const signed char cl_weight"));
    expect_contains(sdk.network_error(),
                    {at(sdk.params_c_path, line_of(sdk.params_c, "cl_bias[")),
                     "cl_bias without cl_weight", "both classifier arrays or neither"});
}

TEST(SdkImportErrors, WrongElementType) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "const signed char rnn_param", "const unsigned char rnn_param");
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, 2), "'unsigned char'", "signed char"});
}

TEST(SdkImportErrors, StimCountDiffersFromShape) {
    SmallSdk sdk(test_name());
    sdk.test_h = replace_once(sdk.test_h, "STIM_MAT_SIZE 24", "STIM_MAT_SIZE 23");
    sdk.test_c = replace_once(sdk.test_c, "-13,0,0,0\n", "-13,0,0\n");
    expect_contains(sdk.stimulus_error(), {at(sdk.test_c_path, 2), "edgedrnn_test_stim has 23",
                                           "expected 24", "8 inputs x 3 steps"});
}

TEST(SdkImportErrors, StimRowsDifferFromNetwork) {
    SmallSdk sdk(test_name());
    sdk.test_h = replace_once(sdk.test_h, "STIM_NUM_ROWS 8", "STIM_NUM_ROWS 16");
    expect_contains(sdk.stimulus_error(), {at(sdk.test_h_path, 1), "EDGEDRNN_TEST_STIM_NUM_ROWS is 16",
                                           "expected 8", "input size"});
}

TEST(SdkImportErrors, GoldShapeDiffersFromNetwork) {
    SmallSdk sdk(test_name());
    sdk.test_h = replace_once(sdk.test_h, "GOLD_RNN_NUM_ROWS 8", "GOLD_RNN_NUM_ROWS 16");
    expect_contains(sdk.stimulus_error(),
                    {at(sdk.test_h_path, 7), "GOLD_RNN_NUM_ROWS is 16", "expected 8", "hidden size"});
    sdk.test_h = replace_once(sdk.test_h, "GOLD_RNN_NUM_ROWS 16", "GOLD_RNN_NUM_ROWS 8");
    sdk.test_h = replace_once(sdk.test_h, "GOLD_FC_NUM_COLS 3", "GOLD_FC_NUM_COLS 4");
    expect_contains(sdk.stimulus_error(),
                    {at(sdk.test_h_path, 5), "GOLD_FC_NUM_COLS is 4", "expected 3", "step count"});
}

TEST(SdkImportErrors, GoldFcNotRepresentable) {
    SmallSdk sdk(test_name());
    sdk.test_c = replace_once(sdk.test_c, "1,-1\n", "1,1e999\n");
    expect_contains(sdk.stimulus_error(), {at(sdk.test_c_path, line_of(sdk.test_c, "1e999")), "'1e999'", "not a finite number"});
    sdk.test_c = replace_once(sdk.test_c, "1e999", "128.0");
    expect_contains(sdk.stimulus_error(), {at(sdk.test_c_path, line_of(sdk.test_c, "128.0")), "does not fit Q8.8", "-128 .. 127.996"});
}

TEST(SdkImportErrors, TruncatedFile) {
    SmallSdk sdk(test_name());
    sdk.params_c = sdk.params_c.substr(0, sdk.params_c.find("-91,") + 4);
    const unsigned last = line_of(sdk.params_c, "-91,");
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, last), "end of file",
                                          "opened at line 2", "expected '}'"});
    sdk.params_c = sdk.params_c.substr(0, sdk.params_c.find(" = {"));
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, 2), "end of file", "expected ';'"});
}

TEST(SdkImportErrors, MissingSemicolon) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "127,-127};", "127,-127}");
    expect_contains(sdk.network_error(),
                    {at(sdk.params_c_path, line_of(sdk.params_c, "const signed char cl_weight")),
                     "after the initializer of cl_bias", "expected ';'"});
}

TEST(SdkImportErrors, UnterminatedComment) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "127,-127}", "127,/* -127}");
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, line_of(sdk.params_c, "/*")),
                                          "not closed", "expected '*/'"});
}

TEST(SdkImportErrors, StrayByte) {
    SmallSdk sdk(test_name());
    sdk.params_c = replace_once(sdk.params_c, "127,-127}", "127,\x01-127}");
    expect_contains(sdk.network_error(), {at(sdk.params_c_path, line_of(sdk.params_c, "\x01")),
                                          "'\\x01'", "unexpected character"});
}

TEST(SdkImportErrors, RealParamsCopyWithBadValue) {
    VP_REQUIRE_SHARED_DATA(data);
    const std::string dir = vp_test::scratch_dir(test_name());
    std::string c = vp_test::read_text(data + "/sdk-export/edgedrnn_params.c");
    vp_test::write_file(dir + "/edgedrnn_params.h",
                        vp_test::read_text(data + "/sdk-export/edgedrnn_params.h"));
    c = replace_once(c, "83,22,-19", "83,222,-19");
    const std::string path = vp_test::write_file(dir + "/edgedrnn_params.c", c);
    expect_contains(workload_error([&] { vp::import_sdk_network(path); }),
                    {at(path, line_of(c, "83,222")), "'222'", "-128..127"});
}

// Random byte flips and truncations of real (or small) exports: every outcome is a
// successful import or a WorkloadError naming the file; never a crash or another type.
TEST(SdkImportFuzz, ByteFlipsAndTruncationsNeverCrash) {
    SmallSdk sdk(test_name());
    const std::string data = vp_test::shared_data_dir();
    if (!data.empty()) {
        sdk.params_c = vp_test::read_text(data + "/sdk-export/edgedrnn_params.c");
        sdk.params_h = vp_test::read_text(data + "/sdk-export/edgedrnn_params.h");
        sdk.test_c = vp_test::read_text(data + "/sdk-export/edgedrnn_test.c");
        sdk.test_h = vp_test::read_text(data + "/sdk-export/edgedrnn_test.h");
    }
    sdk.write();
    const vp::Network net = vp::import_sdk_network(sdk.params_c_path);
    std::mt19937 rng(12345);
    const char interesting[] = "{}[];,=-+/*#x.e0\n\"'\x00\xff";
    struct Target {
        std::string path, text;
        int rounds;
    };
    const Target targets[] = {{sdk.params_c_path, sdk.params_c, 300},
                              {sdk.params_h_path, sdk.params_h, 200},
                              {sdk.test_c_path, sdk.test_c, 60},
                              {sdk.test_h_path, sdk.test_h, 100}};
    int errors = 0;
    for (const Target& t : targets) {
        for (int round = 0; round < t.rounds; ++round) {
            std::string text = t.text;
            const int mode = round % 3;
            if (mode == 0 || mode == 2) {  // flip a few bytes
                for (int n = 0; n < 1 + round % 4; ++n) {
                    const size_t pos = rng() % text.size();
                    text[pos] = (rng() % 2) ? char(rng() % 256)
                                            : interesting[rng() % (sizeof interesting - 1)];
                }
            }
            if (mode >= 1) text.resize(rng() % (text.size() + 1));  // truncate
            vp_test::write_file(t.path, text);
            try {
                if (t.path == sdk.test_c_path || t.path == sdk.test_h_path)
                    vp::import_sdk_stimulus(sdk.test_c_path, net);
                else
                    vp::import_sdk_network(sdk.params_c_path);
            } catch (const vp::WorkloadError& e) {
                ++errors;
                const std::string msg = e.what();
                ASSERT_TRUE(msg.find(sdk.dir) != std::string::npos) << msg;
            }
        }
        vp_test::write_file(t.path, t.text);
    }
    EXPECT_GT(errors, 100);  // most mutations must be caught
}

// An RTL-testbench stimulus given with an SDK-export network read as C and failed with
// "end of file inside the declaration starting at line 1 (truncated file?)"; now the
// format is recognised from the first content and named.
TEST(SdkImportErrors, TestbenchStimulusWithAnSdkNetworkIsNamed) {
    SmallSdk sdk(test_name());
    sdk.test_c = "// beats of 8 x Q8.8\n\n000000000000FFF4FFDB000A00100100 // 0, 0\n000000000000FFF4FFDB000B00100100\n";
    expect_contains(sdk.stimulus_error(),
                    {at(sdk.test_c_path, 3), "looks like an RTL-testbench stimulus",
                     "but the network is an SDK export (" + sdk.params_c_path + ")", "expected",
                     "edgedrnn_test_stim"});
    // A C file with a comment first is still read as C.
    SmallSdk ok(test_name() + std::string("_ok"));
    ok.test_c = "/* exported\n   by the flow */\n" + ok.test_c;
    EXPECT_EQ(ok.stimulus().timesteps, 3u);
}

TEST(SdkImportErrors, RealTestbenchStimulusWithTheRealSdkNetwork) {
    VP_REQUIRE_SHARED_DATA(data);
    const vp::Network net = vp::import_sdk_network(data + "/sdk-export/edgedrnn_params.c");
    const std::string stim = data + "/rtl-testbench/edgedrnn_tb_stim.txt";
    const std::string e = workload_error([&] { vp::import_sdk_stimulus(stim, net); });
    expect_contains(e, {at(stim, 1), "looks like an RTL-testbench stimulus"});
    EXPECT_EQ(e.find("end of file"), std::string::npos) << e;
}
