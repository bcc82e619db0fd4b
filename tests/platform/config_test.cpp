// Reading configuration files and values: what is refused, and that the message names
// the file, line and key. (The platform schema and the shipped files, not a model.)
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <sys/wait.h>

#include "tests/support/test_paths.h"
#include "vp/config/config.h"
#include "vp/platform/schema.h"

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(ConfigFiles, ADuplicateKeyInASectionNamesBothLines) {
    const std::string path = vp_test::write_file(vp_test::scratch_dir("dup") + "/dup.cfg",
                                                 "[sim]\nquantum_ns = 1000\n\n[ddr]\ntiming = ideal\n[sim]\nquantum_ns = 5\n");
    vp::Config c(vp::platform_schema());
    const std::string e = error_of([&] { c.load_ini(path); });
    EXPECT_TRUE(has(e, path + ":7: key 'quantum_ns' given twice in [sim] (first at " + path + ":2)")) << e;
}

TEST(ConfigFiles, ADuplicateKeyInAPresetNamesBothLines) {
    const std::string dir = vp_test::scratch_dir("dup_preset");
    std::ifstream in(std::string(VP_SOURCE_DIR) + "/platforms/ddr/ddr3l-1066-x16.cfg");
    std::stringstream text;
    text << in.rdbuf() << "tRCD = 20 ns\n";
    const std::string path = vp_test::write_file(dir + "/preset.cfg", text.str());
    vp::Config c(vp::platform_schema());
    const std::string e = error_of([&] { c.set("ddr.preset", path, "test"); });
    EXPECT_TRUE(has(e, "key 'tRCD' given twice in [ddr]")) << e;
    EXPECT_TRUE(has(e, "(first at " + path + ":")) << e;
}

TEST(ConfigFiles, EveryShippedFileLoads) {
    namespace fs = std::filesystem;
    const fs::path src(VP_SOURCE_DIR);
    int files = 0;
    for (const char* folder : {"platforms", "scenarios"})
        for (const auto& entry : fs::directory_iterator(src / folder)) {
            if (entry.path().extension() != ".cfg") continue;
            vp::Config c(vp::platform_schema());
            EXPECT_EQ(error_of([&] { c.load_ini(entry.path().string()); }), "(no error)") << entry.path();
            ++files;
        }
    for (const auto& entry : fs::directory_iterator(src / "platforms/ddr")) {
        vp::Config c(vp::platform_schema());
        EXPECT_EQ(error_of([&] { c.set("ddr.preset", entry.path().string(), "test"); }), "(no error)") << entry.path();
        ++files;
    }
    EXPECT_GE(files, 10);
}

// A directory opens as an empty file: it silently stood for "no settings".
TEST(ConfigFiles, ADirectoryIsNotAConfigurationFile) {
    const std::string dir = vp_test::scratch_dir("dir_cfg");
    vp::Config c(vp::platform_schema());
    std::string e = error_of([&] { c.load_ini(dir); });
    EXPECT_TRUE(has(e, dir + ": is a directory, expected a configuration file")) << e;
    e = error_of([&] { c.set("ddr.preset", dir, "--set"); });
    EXPECT_TRUE(has(e, "ddr.preset: " + dir + ": is a directory, expected a ddr preset file")) << e;
    e = error_of([&] { c.load_ini("/dev/null"); });
    EXPECT_TRUE(has(e, "/dev/null: is a device, not a file")) << e;
    e = error_of([&] { c.load_ini(dir + "/missing.cfg"); });
    EXPECT_TRUE(has(e, dir + "/missing.cfg: cannot open the file (no such file)")) << e;
}

// The vp command: --platform and --scenario naming a directory fail with exit 2 instead of
// running the defaults; so do a directory as trace or ELF.
TEST(ConfigFiles, TheVpCommandRefusesADirectoryWithExit2) {
    const std::string dir = vp_test::scratch_dir("dir_cli");
    std::filesystem::create_directories(dir + "/d.cfg");
    const std::string vp = std::string(VP_BINARY_DIR) + "/vp/vp -q --set synthetic.timesteps=1 ";
    const std::pair<std::string, std::string> cases[] = {
        {"--platform " + dir, dir + ": is a directory, expected a configuration file"},
        {"--scenario " + dir + "/d.cfg", dir + "/d.cfg: is a directory, expected a configuration file"},
        {"--set ddr.preset=" + dir, "ddr.preset: " + dir + ": is a directory"},
        {"--trace " + dir, "trace.file: " + dir + ": is a directory, expected a trace file"},
        {"--set cpu.model=arm --set cpu.elf=" + dir, "cpu.elf: " + dir + ": is a directory, expected an ELF file"},
    };
    int n = 0;
    for (const auto& [args, message] : cases) {
        const std::string log = dir + "/" + std::to_string(n++) + ".log";
        const int rc = std::system((vp + args + " > " + log + " 2>&1").c_str());
        ASSERT_TRUE(WIFEXITED(rc)) << args;
        EXPECT_EQ(WEXITSTATUS(rc), 2) << args;
        std::ifstream in(log);
        std::stringstream text;
        text << in.rdbuf();
        EXPECT_TRUE(has(text.str(), message)) << args << "\n" << text.str();
    }
}

TEST(ConfigValues, UnderscoresOnlyGroupDigits) {
    EXPECT_EQ(vp::parse_uint("125_000_000"), 125000000u);
    EXPECT_EQ(vp::parse_uint("0xFFFF_FFFF"), 0xFFFFFFFFu);
    EXPECT_EQ(vp::parse_int("-1_000"), -1000);
    EXPECT_DOUBLE_EQ(vp::parse_double("1_000.5"), 1000.5);
    for (const char* bad : {"1__0", "_10", "10_", "0x_FF", "1_e5", "_"}) {
        EXPECT_THROW(vp::parse_uint(bad), std::invalid_argument) << bad;
        EXPECT_THROW(vp::parse_double(bad), std::invalid_argument) << bad;
    }
    vp::Config c(vp::platform_schema());
    const std::string e = error_of([&] { c.set("synthetic.timesteps", "1__0", "--set"); });
    EXPECT_TRUE(has(e, "'_' may only stand singly between two digits")) << e;
}

TEST(ConfigValues, RangesAreWrittenExactly) {
    vp::Config c(vp::platform_schema());
    std::string e = error_of([&] { c.set("trace.default_bytes", "1048577", "--set"); });
    EXPECT_TRUE(has(e, "from 1 to 1048576")) << e;
    e = error_of([&] { c.set("trace.base_address", "4294967296", "--set"); });
    EXPECT_TRUE(has(e, "from 0 to 4294967295")) << e;
    // A range starting at 1 is not called "non-negative".
    e = error_of([&] { c.set("sim.quantum_ns", "0", "--set"); });
    EXPECT_TRUE(has(e, "expected an integer in ns from 1 to 1000000000")) << e;
    EXPECT_FALSE(has(e, "non-negative")) << e;
}

// The synthetic generator takes THX/THH register values 0..511 (the 10-bit signed field's
// thresholds); the schema agreed on neither end (-512..511 against 0..65535).
// workload.thx/thh (overrides of an imported network's) too: -5 and 100000 ran with only
// a warning from the accelerator model.
TEST(ConfigValues, SyntheticThresholdRangeIsTheGenerators) {
    for (const char* key : {"synthetic.thx", "synthetic.thh", "workload.thx", "workload.thh"}) {
        const vp::ParamSpec* spec = vp::platform_schema().find(key);
        ASSERT_NE(spec, nullptr);
        EXPECT_EQ(spec->min, 0);
        EXPECT_EQ(spec->max, 511);
    }
}

TEST(ConfigValues, WorkloadThresholdOutsideTheFieldIsRefused) {
    vp::Config c(vp::platform_schema());
    for (const char* value : {"-5", "100000", "512"}) {
        const std::string e = error_of([&] { c.set("workload.thx", value, "--set"); });
        EXPECT_TRUE(has(e, "workload.thx")) << e;
        EXPECT_TRUE(has(e, "from 0 to 511")) << e;
    }
    EXPECT_EQ(error_of([&] { c.set("workload.thh", "511", "--set"); }), "(no error)");
}

// A UTF-8 byte order mark (Windows editors) made line 1 "'\xEF\xBB\xBF; ...': expected
// key = value", the mark itself invisible; it is skipped in platform files and presets.
TEST(ConfigFiles, AByteOrderMarkIsSkipped) {
    const std::string dir = vp_test::scratch_dir("bom");
    const std::string bom = "\xEF\xBB\xBF";
    const std::string preset =
        vp_test::write_file(dir + "/part.cfg", bom + "; a DDR part\nrows = 65536\n");
    const std::string platform =
        vp_test::write_file(dir + "/bom.cfg", bom + "[ddr]\npreset = part.cfg\n");
    vp::Config c(vp::platform_schema());
    EXPECT_EQ(error_of([&] { c.load_ini(platform); }), "(no error)");
    EXPECT_EQ(c.get_uint("ddr.rows"), 65536u);
    // Only at the start: elsewhere it is still an error.
    const std::string middle = vp_test::write_file(dir + "/middle.cfg", "[ddr]\n" + bom + "rows = 1\n");
    EXPECT_TRUE(has(error_of([&] { c.load_ini(middle); }), "middle.cfg:2:"));
}

// memory.width_bytes = 3 was accepted while hp0.width_bytes = 3 was not: every bus width
// is a power of two.
TEST(ConfigValues, MemoryWidthMustBeAPowerOfTwo) {
    vp::Config c(vp::platform_schema());
    const std::string e = error_of([&] { c.set("memory.width_bytes", "3", "--set"); });
    EXPECT_TRUE(has(e, "--set: key 'memory.width_bytes' = '3': expected an integer in bytes from 1 to 128, a power of two"))
        << e;
    EXPECT_EQ(error_of([&] { c.set("memory.width_bytes", "16", "--set"); }), "(no error)");
}
