// The shipped traces on the MiniZed's PL memory path (platforms/minized.cfg: hp, hp0, DDR3L
// with ddr.timing = dram): the locality each trace was made to show, and a trace aimed
// outside the memories refused before the run. One SystemC elaboration per TEST.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/test_paths.h"
#include "vp/platform/schema.h"
#include "vp/platform/trace_platform.h"
#include "vp/stats/stats.h"

namespace {

std::string shipped(const std::string& name) { return std::string(VP_SOURCE_DIR) + "/scenarios/traces/" + name; }

vp::Config minized() {
    vp::Config c(vp::platform_schema());
    c.load_ini(std::string(VP_SOURCE_DIR) + "/platforms/minized.cfg");
    return c;
}

struct TraceRun {
    vp::Stats stats;
    std::unique_ptr<vp::TracePlatform> platform;  // the statistics point into it
    double value(const std::string& key) const { return stats.value(key); }
    double row_opens_per_transaction() const {
        return (value("ddr.row_misses") + value("ddr.row_conflicts")) / value("trace.transactions");
    }
    explicit TraceRun(const std::string& trace, const vp::Config& c = minized()) {
        platform = std::make_unique<vp::TracePlatform>(c, vp::load_stl(trace, 64), stats);
        sc_core::sc_start();
        EXPECT_TRUE(platform->player().finished());
    }
};

TEST(TracePlatform, SequentialStreamHitsOpenRows) {
    const TraceRun r(shipped("sequential.stl"));
    EXPECT_EQ(r.value("trace.transactions"), 16384);
    EXPECT_EQ(r.value("trace.errors"), 0);
    EXPECT_EQ(r.value("ddr.hp0.read_bytes"), 1 << 20);
    EXPECT_GT(r.value("ddr.row_hit_rate"), 0.9);
    EXPECT_LT(r.row_opens_per_transaction(), 0.1);
    // As fast as accepted, 8 in flight: the 64-bit 125 MHz HP0 port (1 GB/s) is the limit.
    EXPECT_LE(r.value("trace.bandwidth_bytes_per_s"), 1.0e9 * 1.0001);
    EXPECT_GT(r.value("trace.bandwidth_bytes_per_s"), 0.95e9);
    EXPECT_EQ(r.value("hp.trace.rd.transactions"), 16384);
}

// With an ideal DDR only the path costs: the hp port's 1 cycle and HP0's 2 cycles of
// address phase (8 ns each at 125 MHz) and 8 beats of 8 bytes, 88 ns per 64-byte read.
TEST(TracePlatform, IdealDdrLeavesExactlyThePathsCost) {
    vp::Config c = minized();
    c.set("ddr.timing", "ideal", "test");
    c.set("trace.max_outstanding", "1", "test");
    const TraceRun r(shipped("sequential.stl"), c);
    EXPECT_DOUBLE_EQ(r.value("trace.latency_ns.min"), 88);
    EXPECT_DOUBLE_EQ(r.value("trace.latency_ns.max"), 88);
    EXPECT_DOUBLE_EQ(r.value("trace.active_window_s"), 16384 * 88e-9);
    EXPECT_NEAR(r.value("trace.bandwidth_bytes_per_s"), 64 / 88e-9, 1e-3);
}

TEST(TracePlatform, IdealDdrStreamsAtThePortsRateWithReadsInFlight) {
    vp::Config c = minized();
    c.set("ddr.timing", "ideal", "test");
    const TraceRun r(shipped("sequential.stl"), c);  // 8 in flight
    // The address phase once, then the HP0 data channel never idles: 64 ns per read.
    EXPECT_NEAR(r.value("trace.active_window_s"), 24e-9 + 16384 * 64e-9, 1e-15);
    EXPECT_NEAR(r.value("trace.bandwidth_bytes_per_s"), (1 << 20) / (24e-9 + 16384 * 64e-9), 1e-3);
}

TEST(TracePlatform, RandomReadsOpenARowEach) {
    const TraceRun r(shipped("random-64b.stl"));
    // Per burst (16 bytes on the x16 DDR3L) the first of a 64-byte read's four opens the
    // row and the other three hit it: at most 75 %; per transaction, a row open each.
    EXPECT_LT(r.value("ddr.row_hit_rate"), 0.76);
    EXPECT_GT(r.row_opens_per_transaction(), 0.95);
    EXPECT_GT(r.value("ddr.row_conflicts"), 0.8 * r.value("trace.transactions"));
}

TEST(TracePlatform, RandomReadsAreSlowerWhenBlocking) {
    vp::Config c = minized();
    c.set("trace.max_outstanding", "1", "test");
    const TraceRun r(shipped("random-64b.stl"), c);
    // One at a time, the DRAM's row conflicts show in every latency and the bandwidth.
    EXPECT_LT(r.value("trace.bandwidth_bytes_per_s"), 0.6e9);
    EXPECT_GT(r.value("trace.latency_ns.min"), 100);
}

TEST(TracePlatform, EdgeDrnnColumnsKeepTheAcceleratorsSchedule) {
    const TraceRun r(shipped("edgedrnn-columns.stl"));
    EXPECT_GT(r.value("ddr.row_hit_rate"), 0.9);  // 2304-byte columns are contiguous
    EXPECT_GT(r.value("trace.timed_transactions"), 16000);
    EXPECT_LT(r.value("trace.issue_lag_ns.mean"), 50);  // DDR3L keeps up with 1 beat per cycle
}

TEST(TracePlatform, AddressOutsideTheMemoriesNamesTheLine) {
    const std::string dir = vp_test::scratch_dir("trace_outside");
    const std::string path = vp_test::write_file(dir + "/t.stl", "0: read 0x0\n# gap\n0: read 0x1ff00000\n");
    vp::Stats stats;
    try {
        vp::TracePlatform platform(minized(), vp::load_stl(path, 64), stats);
        FAIL() << "a read past the DDR was accepted";
    } catch (const vp::TraceError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find(path + ":3: the read of 64 bytes at trace address 0x1ff00000 + trace.base_address "
                                "0x100000 = 0x20000000 does not fit"), std::string::npos) << m;
        EXPECT_NE(m.find("ddr 0x100000..0x1fffffff"), std::string::npos) << m;
    }
}

}  // namespace
