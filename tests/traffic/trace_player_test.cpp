// The trace player against a memory with known timing (latency + bytes / bandwidth on
// one data bus, BandwidthTiming): exact issue times, latencies and bandwidth for
// blocking, overlapped, timed and relative traces. One SystemC elaboration per TEST.
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/test_paths.h"
#include "vp/memory/ram.h"
#include "vp/stats/stats.h"
#include "vp/traffic/trace_player.h"

namespace {

using sc_core::SC_NS;
using sc_core::sc_time;

// 50 ns to first data, then 1.6 GB/s: a 64-byte read takes 50 + 40 = 90 ns alone.
constexpr double kLatencyNs = 50;
constexpr double kBandwidth = 1.6e9;

struct Bench {
    vp::Stats stats;
    std::unique_ptr<vp::Ram> ram;
    std::unique_ptr<vp::TracePlayer> player;

    Bench(vp::StlTrace trace, unsigned max_outstanding, double clock_hz = 100e6) {
        vp::RamParams rp;
        rp.size_bytes = 1 << 20;
        ram = std::make_unique<vp::Ram>("ram", rp, stats);
        ram->set_timing_policy(std::make_unique<vp::BandwidthTiming>(kLatencyNs, kBandwidth));
        vp::TracePlayerParams p;
        p.clock_hz = clock_hz;
        p.base_address = 0;
        p.max_outstanding = max_outstanding;
        player = std::make_unique<vp::TracePlayer>("trace", std::move(trace), p, stats);
        player->socket.bind(ram->socket);
    }
    double value(const std::string& key) const { return stats.value(key); }
};

vp::StlTrace parse(const std::string& text) {
    std::istringstream in(text);
    return vp::parse_stl(in, "t.stl", 64);
}

std::string sequential(unsigned count) {
    std::ostringstream text;
    for (unsigned i = 0; i < count; ++i) text << "0: read 0x" << std::hex << i * 64 << "\n";
    return text.str();
}

TEST(TracePlayer, BlockingSequentialIsLatencyBound) {
    Bench b(parse(sequential(100)), 1);
    sc_core::sc_start();
    EXPECT_TRUE(b.player->finished());
    EXPECT_EQ(sc_core::sc_time_stamp(), sc_time(9000, SC_NS));  // 100 x 90 ns, back to back
    EXPECT_EQ(b.value("trace.transactions"), 100);
    EXPECT_EQ(b.value("trace.reads"), 100);
    EXPECT_EQ(b.value("trace.bytes"), 6400);
    EXPECT_EQ(b.value("trace.errors"), 0);
    EXPECT_DOUBLE_EQ(b.value("trace.latency_ns.min"), 90);
    EXPECT_DOUBLE_EQ(b.value("trace.latency_ns.mean"), 90);
    EXPECT_DOUBLE_EQ(b.value("trace.latency_ns.max"), 90);
    EXPECT_DOUBLE_EQ(b.value("trace.latency_ns.p50"), 90);  // clamped into [min, max]
    EXPECT_DOUBLE_EQ(b.value("trace.latency_ns.p99"), 90);
    EXPECT_NEAR(b.value("trace.bandwidth_bytes_per_s"), 6400 / 9000e-9, 1e-3);
    EXPECT_EQ(b.value("trace.timed_transactions"), 0);  // stamped 0: no lag measured
    EXPECT_EQ(b.value("ram.reads"), 100);
}

TEST(TracePlayer, OutstandingTransactionsKeepTheBusBusy) {
    // Eight in flight: the data bus never idles after the first latency, so the trace
    // ends at 50 + 100 x 40 ns; from the ninth on, each waits for the one 8 back.
    Bench b(parse(sequential(100)), 8);
    sc_core::sc_start();
    EXPECT_EQ(b.player->last_done(), sc_time(4050, SC_NS));
    EXPECT_NEAR(b.value("trace.bandwidth_bytes_per_s"), 6400 / 4050e-9, 1e-3);
    EXPECT_NEAR(b.value("trace.bandwidth_bytes_per_s"), kBandwidth, 0.02 * kBandwidth);
    EXPECT_DOUBLE_EQ(b.value("trace.latency_ns.min"), 90);       // the first
    EXPECT_DOUBLE_EQ(b.value("trace.latency_ns.max"), 90 + 7 * 40);  // the eighth, issued at 0 too
    // Latencies: 90 + 40 i for the first 8 (all issued at 0), then 320 each (8 transfers of 40 ns).
    double sum = 0;
    for (int i = 0; i < 100; ++i) sum += i < 8 ? 90 + 40 * i : 320;
    EXPECT_NEAR(b.value("trace.latency_ns.mean"), sum / 100, 1e-9);
    EXPECT_NEAR(b.value("trace.latency_ns.p50"), 320, 320 * 0.0625);
}

TEST(TracePlayer, TimedTraceHonoursIssueTimes) {
    // 100 MHz: cycle 100 = 1 us. The last record is due at 10.03 us but the blocking
    // player may issue it only when the 128-byte read before it answers (10.13 us).
    Bench b(parse("0: read 0x0\n"
                  "100: read 0x40\n"
                  "1000: (128) read 0x80\n"
                  "1003: read 0x100\n"),
            1);
    sc_core::sc_start();
    EXPECT_EQ(b.player->first_issue(), sc_core::SC_ZERO_TIME);
    EXPECT_EQ(b.player->last_done(), sc_time(10130 + 90, SC_NS));
    EXPECT_EQ(sc_core::sc_time_stamp(), sc_time(10220, SC_NS));
    EXPECT_EQ(b.value("trace.timed_transactions"), 3);
    EXPECT_DOUBLE_EQ(b.value("trace.issue_lag_ns.max"), 100);
    EXPECT_NEAR(b.value("trace.issue_lag_ns.mean"), 100.0 / 3, 1e-9);
    EXPECT_DOUBLE_EQ(b.value("trace.latency_ns.max"), 130);  // 50 + 128 bytes / 1.6 GB/s
    EXPECT_NEAR(b.value("trace.bandwidth_bytes_per_s"), 320 / 10220e-9, 1e-3);
}

TEST(TracePlayer, RelativeTraceCountsFromThePreviousAnswer) {
    const std::string dir = vp_test::scratch_dir("trace_relative");
    vp::StlTrace t = vp::load_stl(vp_test::write_file(dir + "/r.rstl", "0: read 0x0\n10: read 0x40\n"), 64);
    Bench b(std::move(t), 8);
    sc_core::sc_start();
    // The second is due 100 ns after the first answered (90 ns), although 8 may be in flight.
    EXPECT_EQ(b.player->last_done(), sc_time(90 + 100 + 90, SC_NS));
    EXPECT_DOUBLE_EQ(b.value("trace.issue_lag_ns.max"), 0);
}

TEST(TracePlayer, WritesCarryTheirData) {
    Bench b(parse("0: (4) write 0x10 0xdeadbeef\n0: (2) write 0x20\n"), 1);
    sc_core::sc_start();
    uint8_t data[4] = {};
    b.ram->storage().read(0x10, data, 4);
    EXPECT_EQ(data[0], 0xde);
    EXPECT_EQ(data[3], 0xef);
    EXPECT_EQ(b.value("trace.writes"), 2);
    EXPECT_EQ(b.value("ram.write_bytes"), 6);
}

TEST(TracePlayer, ErrorResponsesAreCountedAndTheTraceGoesOn) {
    Bench b(parse("0: read 0x0\n0: read 0x100000\n0: read 0x40\n"), 1);  // the second is past the 1 MiB RAM
    sc_core::sc_start();
    EXPECT_TRUE(b.player->finished());
    EXPECT_EQ(b.value("trace.errors"), 1);
    EXPECT_EQ(b.value("trace.transactions"), 3);
}

TEST(TracePlayer, StampsBeyondSimulatedTimeAreRejected) {
    try {
        Bench b(parse("0: read 0x0\n99999999999999999: read 0x40\n"), 1);
        FAIL() << "a stamp of 10^17 cycles was accepted";
    } catch (const vp::TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("t.stl:2: time stamp 99999999999999999 lies beyond"), std::string::npos)
            << e.what();
    }
}

// SystemC's time stops at 2^63 ps (9.22e6 s): a stamp between that and the old 10^7 s
// limit played at 9.22e6 s with wrong latencies. 9.3e6 s at 100 MHz:
TEST(TracePlayer, StampsPastSystemCsTimeAreRejected) {
    try {
        Bench b(parse("0: read 0x0\n930000000000000: read 0x40\n"), 1);
        FAIL() << "a stamp of 9.3e6 s was accepted";
    } catch (const vp::TraceError& e) {
        EXPECT_NE(std::string(e.what()).find("t.stl:2: time stamp 930000000000000 lies beyond 9*10^6 s"),
                  std::string::npos)
            << e.what();
    }
}

TEST(TracePlayer, StampsJustBelowTheLimitPlayOnTime) {
    Bench b(parse("0: read 0x0\n890000000000000: read 0x40\n"), 1);  // 8.9e6 s
    sc_core::sc_start();
    EXPECT_TRUE(b.player->finished());
    EXPECT_EQ(b.value("trace.transactions"), 2);
    EXPECT_NEAR(sc_core::sc_time_stamp().to_seconds(), 8.9e6, 1.0);
}

// A relative trace's stamps add up: the message speaks of the sum, not the one stamp
// (5e6 s, which alone is fine).
TEST(TracePlayer, RelativeStampsAreCheckedByTheirSum) {
    std::istringstream in("500000000000000: read 0x0\n500000000000000: read 0x40\n");
    try {
        Bench b(vp::parse_stl(in, "t.rstl", 64, /*relative=*/true), 1);
        FAIL() << "stamps adding up to 10^7 s were accepted";
    } catch (const vp::TraceError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("t.rstl:2: the relative time stamps add up to 1e+07 s by this line"), std::string::npos)
            << what;
    }
}

}  // namespace
