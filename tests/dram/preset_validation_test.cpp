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

// Refresh closes every bank every tREFI for tRP + tRFC; an access whose CAS falls after
// the next refresh start starts over after it. When tRP + tRFC + tRCD reaches tREFI no
// attempt fits and DramTiming::access looped forever (tRCD = 8 us on the DDR3L): now the
// parameters are refused before any access.
TEST(DramRefreshRoom, ATimingThatCannotFitBetweenRefreshesIsRefused) {
    std::string e = error_of([] { params("ddr3l-1066-x16", {{"tRCD", "8 us"}}); });
    EXPECT_NE(e.find("ddr.tRCD = '8 us' (test): tRP + tRFC + tRCD ("), std::string::npos) << e;
    EXPECT_NE(e.find("must be shorter than tREFI"), std::string::npos) << e;
    // The exact bound: tRP + tRFC + tRCD == tREFI is refused, one cycle less is not.
    const vp::DramParams p = params("ddr3l-1066-x16");
    const uint64_t at_bound = p.tREFI - p.tRP - p.tRFC;
    e = error_of([&] { params("ddr3l-1066-x16", {{"tRCD", std::to_string(at_bound) + " ck"}}); });
    EXPECT_NE(e.find("ddr.tRCD"), std::string::npos) << e;
    EXPECT_EQ(error_of([&] { params("ddr3l-1066-x16", {{"tRCD", std::to_string(at_bound - 1) + " ck"}}); }),
              "(no error)");
    // A repeated attempt's ACTIVATE waits for the previous one's tRC: bounded the same way.
    e = error_of([] { params("ddr3l-1066-x16", {{"tRC", "8 us"}, {"tRAS", "40 ns"}}); });
    EXPECT_NE(e.find("ddr.tRC = '8 us'"), std::string::npos) << e;
}

// Just inside the bound every access completes, also one whose first attempt is cut by a
// refresh (it opens its row again right after the refresh and reaches its CAS in time).
TEST(DramRefreshRoom, AccessesJustInsideTheBoundComplete) {
    const vp::DramParams p = params("ddr3l-1066-x16");
    const uint64_t trcd = p.tREFI - p.tRP - p.tRFC - 1;
    auto dram = make_dram("ddr3l-1066-x16", {{"tRCD", std::to_string(trcd) + " ck"}});
    const double tck = tck_ns(p);
    // A cut attempt starts over at its CAS time, which is tRP + tRFC + 1 cycles earlier in
    // the next refresh interval than its ACTIVATE was: within tREFI / (tRP + tRFC + 1)
    // intervals it starts right after a refresh, and fits. (The accesses go to one bank,
    // which serves them in order: the k-th waits for the ones before it.)
    const double intervals_per_access = static_cast<double>(p.tREFI) / (p.tRP + p.tRFC + 1) + 3;
    for (uint64_t k = 0; k < 4; ++k) {
        // Arrivals just before a refresh, each to a new row (an ACTIVATE each).
        const sc_core::sc_time arrival((static_cast<double>(p.tREFI) * (k + 1) - 20.0 * k) * tck, sc_core::SC_NS);
        const sc_core::sc_time delay = dram->access(1, k % 2 == 1, k * p.row_bytes() * p.banks, 64, arrival);
        EXPECT_GT(delay, sc_core::SC_ZERO_TIME);
        EXPECT_LT(ns(delay), (k + 1) * intervals_per_access * static_cast<double>(p.tREFI) * tck) << k;
    }
}

// Times are checked against the 32-bit cycle fields before any conversion (1e30 ns has
// no integer; casting it was undefined and ran as tRCD = 0), naming the key at fault.
TEST(DramPresetValidation, OutOfRangeTimesNameTheirKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"tRCD", "1e30 ns"}, {"tREFI", "1e30 ns"}, {"tRCD", "1e30 ck"}, {"tRFC", "1e12 ns"}};
    for (const auto& [key, value] : cases) {
        const std::string e = error_of([&] { params("ddr3l-1066-x16", {{key, value}}); });
        EXPECT_NE(e.find(std::string("ddr.") + key + " = '" + value + "'"), std::string::npos) << e;
        EXPECT_NE(e.find("implausibly long"), std::string::npos) << e;
    }
    const std::string e = error_of([] { params("ddr3l-1066-x16", {{"tCK", "1e20 ns"}}); });
    EXPECT_NE(e.find("ddr.tCK = '1e20 ns'"), std::string::npos) << e;
    EXPECT_NE(e.find("at most 1 us"), std::string::npos) << e;
}

// A part smaller than the DDR window made two addresses share one cell (the mapping wraps
// the row bits): ddr.rows = 1024 on the 512 MiB MiniZed window ran silently. Refused at
// start, naming the geometry keys and both sizes.
TEST(DramWindow, APartSmallerThanTheWindowIsRefused) {
    const std::string e = error_of([] {
        vp_test::run_vp_job("minized.cfg", {{"ddr.rows", "1024"}, {"synthetic.timesteps", "1"}});
    });
    for (const char* part : {"ddr.banks = 8", "ddr.rows = 1024 (test)", "ddr.columns = 1024", "ddr.bus_width_bits = 16",
                             "= 16777216 bytes", "ddr.size_bytes = 0x2000_0000", "is 536870912 bytes", "alias"})
        EXPECT_NE(e.find(part), std::string::npos) << part << " in: " << e;
}

static vp::Config minized_config(const std::vector<std::pair<std::string, std::string>>& sets) {
    vp::Config c(vp::platform_schema());
    c.load_ini(std::string(VP_SOURCE_DIR) + "/platforms/minized.cfg");
    for (const auto& [k, v] : sets) c.set(k, v, "test");
    return c;
}

// Every shipped part holds the MiniZed's window (the DDR3L exactly: 512 MiB).
TEST(DramWindow, EveryShippedPresetHoldsTheMinizedWindow) {
    for (const char* name : {"ddr3l-1066-x16", "ddr3-1600-x32", "ddr4-2400-x64", "lpddr4-3200-x32"}) {
        const vp::Config c = minized_config({{"ddr.preset", preset_path(name)}});
        EXPECT_EQ(error_of([&] { vp::make_memory_timing(c, "ddr", {"cpu", "hp0"}); }), "(no error)") << name;
    }
    // One row less than the DDR3L's window is refused.
    const vp::Config c = minized_config({{"ddr.rows", "16384"}});
    EXPECT_NE(error_of([&] { vp::make_memory_timing(c, "ddr", {"cpu", "hp0"}); }).find("ddr.rows = 16384"),
              std::string::npos);
}

// ddr.priority_port = bogus was accepted unless arbitration = fixed_priority; now it must
// name a port whenever given (as hp.priority_order), whatever the arbitration or timing.
TEST(DramPriorityPort, ABadPortIsRefusedWheneverGiven) {
    for (const char* timing : {"dram", "simple", "ideal"}) {
        const vp::Config c = minized_config({{"ddr.priority_port", "bogus"}, {"ddr.timing", timing}});
        const std::string e = error_of([&] { vp::make_memory_timing(c, "ddr", {"cpu", "hp0"}); });
        EXPECT_NE(e.find("ddr.priority_port = 'bogus' (test): no such port on this memory (ports: cpu hp0)"),
                  std::string::npos)
            << timing << ": " << e;
    }
    const vp::Config ok = minized_config({{"ddr.priority_port", "cpu"}});
    EXPECT_EQ(error_of([&] { vp::make_memory_timing(ok, "ddr", {"cpu", "hp0"}); }), "(no error)");
    // Not given: the default (hp0) is only needed under fixed_priority.
    const vp::Config unset = minized_config({});
    EXPECT_EQ(error_of([&] { vp::make_memory_timing(unset, "ddr", {"cpu"}); }), "(no error)");
}
