// Bad DRAM descriptions are rejected before anything runs, naming the key (and the
// file and line it came from); presets layer under explicit keys.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include "tests/dram/dram_bench.h"
#include "tests/platform/job_fixture.h"
#include "tests/support/test_paths.h"

using namespace dram_test;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The MiniZed preset with one line removed or replaced, written to a scratch file.
std::string edited_preset(const std::string& test, const std::string& key, const std::string& replacement) {
    std::istringstream in(read_text(preset_path("ddr3l-1066-x16")));
    std::string out, line;
    while (std::getline(in, line)) {
        if (line.rfind(key + " ", 0) == 0 || line.rfind(key + "=", 0) == 0) {
            if (!replacement.empty()) out += replacement + "\n";
            continue;
        }
        out += line + "\n";
    }
    return vp_test::write_file(vp_test::scratch_dir(test) + "/preset.cfg", out);
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const vp::ConfigError& e) {
        return e.what();
    }
    return "(no error)";
}

vp::Config config_with_preset(const std::string& path) {
    vp::Config c(schema());
    c.set("ddr.timing", "dram", "test");
    c.set("ddr.preset", path, "test");
    return c;
}

}  // namespace

TEST(DramPresetValidation, MissingTimingIsNamed) {
    const std::string path = edited_preset("missing", "tRCD", "");
    const std::string e = error_of([&] { vp::DramParams::from_config(config_with_preset(path), "ddr"); });
    EXPECT_NE(e.find("ddr.tRCD"), std::string::npos) << e;
    EXPECT_NE(e.find("missing"), std::string::npos) << e;
}

TEST(DramPresetValidation, NegativeTimingIsNamedWithItsLine) {
    const std::string path = edited_preset("negative", "tRP", "tRP = -13.125 ns");
    const std::string e = error_of([&] { vp::DramParams::from_config(config_with_preset(path), "ddr"); });
    EXPECT_NE(e.find("ddr.tRP"), std::string::npos) << e;
    EXPECT_NE(e.find("negative"), std::string::npos) << e;
    EXPECT_NE(e.find("preset.cfg:"), std::string::npos) << e;  // where the value came from
}

TEST(DramPresetValidation, TimingWithoutUnitIsRejected) {
    const std::string path = edited_preset("unitless", "tRAS", "tRAS = 37.5");
    const std::string e = error_of([&] { vp::DramParams::from_config(config_with_preset(path), "ddr"); });
    EXPECT_NE(e.find("ddr.tRAS"), std::string::npos) << e;
    EXPECT_NE(e.find("unit"), std::string::npos) << e;
}

TEST(DramPresetValidation, WidthNotAPowerOfTwoIsNamed) {
    const std::string path = edited_preset("width", "bus_width_bits", "bus_width_bits = 24");
    const std::string e = error_of([&] { vp::DramParams::from_config(config_with_preset(path), "ddr"); });
    EXPECT_NE(e.find("ddr.bus_width_bits"), std::string::npos) << e;
    EXPECT_NE(e.find("power of two"), std::string::npos) << e;
}

TEST(DramPresetValidation, UnknownKeyInPresetNamesFileAndLine) {
    const std::string path = edited_preset("unknown", "tWR", "tWRX = 15 ns");
    const std::string e = error_of([&] { config_with_preset(path); });
    EXPECT_NE(e.find("preset.cfg:"), std::string::npos) << e;
    EXPECT_NE(e.find("ddr.tWRX"), std::string::npos) << e;
}

TEST(DramPresetValidation, SectionHeaderInPresetIsRejected) {
    const std::string path = edited_preset("header", "tWR", "[ddr]");
    const std::string e = error_of([&] { config_with_preset(path); });
    EXPECT_NE(e.find("preset.cfg:"), std::string::npos) << e;
    EXPECT_NE(e.find("without [section] headers"), std::string::npos) << e;
}

TEST(DramPresetValidation, MissingPresetFileIsNamed) {
    const std::string e = error_of([&] { config_with_preset("/nonexistent/ddr9.cfg"); });
    EXPECT_NE(e.find("/nonexistent/ddr9.cfg"), std::string::npos) << e;
}

// The platform rejects a bad part at start, through the normal job path.
TEST(DramPresetValidation, PlatformRejectsBadPresetAtStart) {
    const std::string path = edited_preset("platform", "bus_width_bits", "bus_width_bits = 12");
    const std::string e = error_of([&] {
        vp_test::run_vp_job("minized.cfg", {{"ddr.preset", path}, {"synthetic.timesteps", "1"}});
    });
    EXPECT_NE(e.find("ddr.bus_width_bits"), std::string::npos) << e;
}

// Layering: explicit keys beat the preset wherever they appear; a new preset replaces
// the old one's values but not explicit ones.
TEST(DramPresetLayering, ExplicitKeysOverrideThePreset) {
    vp::Config c(schema());
    c.set("ddr.tRCD", "20 ns", "before");
    c.set("ddr.preset", preset_path("ddr3l-1066-x16"), "test");
    c.set("ddr.CL", "9 ck", "after");
    EXPECT_EQ(c.get_string("ddr.tRCD"), "20 ns");
    EXPECT_EQ(c.get_string("ddr.CL"), "9 ck");
    EXPECT_EQ(c.get_string("ddr.tRP"), "13.125 ns");
    EXPECT_NE(c.origin("ddr.tRP").find("ddr3l-1066-x16.cfg:"), std::string::npos) << c.origin("ddr.tRP");

    c.set("ddr.preset", preset_path("ddr4-2400-x64"), "--set");
    EXPECT_EQ(c.get_string("ddr.tRP"), "13.32 ns");        // the new preset's
    EXPECT_EQ(c.get_string("ddr.tRCD"), "20 ns");          // still explicit
    EXPECT_EQ(c.get_uint("ddr.bank_groups"), 4u);
    c.set("ddr.preset", preset_path("ddr3l-1066-x16"), "--set");
    EXPECT_EQ(c.get_uint("ddr.bank_groups"), 1u);          // back to the default: DDR4's value gone
}

// The default platform builds the DRAM model from its preset.
TEST(DramPlatform, MinizedUsesTheDdr3lModelAndReportsItsCounters) {
    const auto r = vp_test::run_vp_job("minized.cfg", {{"synthetic.hidden_size", "128"},
                                                       {"synthetic.input_size", "24"},
                                                       {"synthetic.timesteps", "20"}});
    ASSERT_EQ(r.exit_status, 0);
    const auto& s = r.stats;
    EXPECT_GT(s["ddr.row_hits"].get<double>(), 0);
    EXPECT_GT(s["ddr.activates"].get<double>(), 0);
    EXPECT_GT(s["ddr.read_bursts"].get<double>(), 0);
    EXPECT_NEAR(s["ddr.peak_bandwidth_bytes_per_s"].get<double>(), 2.1333e9, 1e6);
    EXPECT_GT(s["ddr.data_bus_utilisation"].get<double>(), 0);
    EXPECT_LE(s["ddr.data_bus_utilisation"].get<double>(), 1.0);
    EXPECT_GT(s["ddr.latency_ns.mean"].get<double>(), 0);
    EXPECT_TRUE(s.contains("ddr.bank7.activates"));
    EXPECT_TRUE(s.contains("ddr.latency_hist.0_25ns"));
    // Every byte the DDR served went through bursts of 16 bytes (x16, BL8).
    const double bytes = s["ddr.read_bytes"].get<double>() + s["ddr.write_bytes"].get<double>();
    const double bursts = s["ddr.read_bursts"].get<double>() + s["ddr.write_bursts"].get<double>();
    EXPECT_GE(bursts * 16, bytes);
}

// What the DRAM adds shows up in the accelerator's latency by itself. (Two jobs: two
// processes, since SystemC elaborates once per process.)
TEST(DramPlatform, SlowerMemoryMeansLongerSteps) {
    const std::string dir = vp_test::scratch_dir("slower");
    auto cycles_with = [&](const std::string& timing) {
        const std::string json = dir + "/" + timing + ".json";
        const std::string cmd = std::string(VP_BINARY_DIR) + "/vp/vp -q --platform " + VP_SOURCE_DIR +
                                "/platforms/minized.cfg --set synthetic.hidden_size=256 "
                                "--set synthetic.input_size=40 --set synthetic.timesteps=10 --set ddr.timing=" +
                                timing + " --stats-json " + json + " > " + dir + "/" + timing + ".log 2>&1";
        EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
        return nlohmann::json::parse(read_text(json))["edgedrnn.cycles"].get<double>();
    };
    EXPECT_GT(cycles_with("dram"), cycles_with("ideal"));
}
