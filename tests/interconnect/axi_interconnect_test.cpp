// AxiInterconnect standalone: decode and translation, DECERR, burst accounting from the
// counters, delays against closed forms computed from the port parameters, DMI, debug.
// Each TEST elaborates its own bench (ctest runs each in its own process).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "tests/interconnect/bench.h"
#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/interconnect/axi_interconnect.h"
#include "vp/memory/ram.h"
#include "vp/stats/stats.h"

namespace {

using sc_core::sc_time;
using sc_core::SC_NS;
using vp_test::RecordingTarget;
using vp_test::TestInitiator;

vp::PortParams port(const char* name, unsigned width, double clock_hz, unsigned max_beats,
                    unsigned latency) {
    vp::PortParams p;
    p.name = name; p.width_bytes = width; p.clock_hz = clock_hz;
    p.max_burst_beats = max_beats; p.latency_cycles = latency;
    return p;
}

vp::AddressRegion region(const char* name, uint64_t base, uint64_t size, unsigned target,
                         uint64_t offset = 0) {
    vp::AddressRegion r;
    r.name = name; r.base = base; r.size = size; r.target = target; r.target_offset = offset;
    return r;
}

// The cycle time of a clock in ns, for closed forms.
double ns(double clock_hz) { return 1e9 / clock_hz; }

// Two initiators (cpu, dma) and two recording targets: "a" (1 MiB, one window at
// 0x1000_0000) and "b" (16 KiB, windows at 0x4000_0000 and 0x5000_0000, the second
// seeing offset 0x1000 on: an aliased memory like the OCM).
struct Bench {
    vp::PortParams cpu_port = port("cpu", 4, 100e6, 16, 1);
    vp::PortParams dma_port = port("dma", 8, 100e6, 256, 2);
    vp::PortParams a_port = port("a", 8, 100e6, 16, 3);
    vp::PortParams b_port = port("b", 4, 50e6, 256, 1);

    vp::Stats stats;
    vp::AxiInterconnect ic{"ic", stats};
    TestInitiator cpu{"cpu_master"};
    TestInitiator dma{"dma_master"};
    RecordingTarget a{"a_slave", 1 << 20};
    RecordingTarget b{"b_slave", 0x4000};

    void build() {
        EXPECT_EQ(ic.add_initiator(cpu_port), 0u);
        EXPECT_EQ(ic.add_initiator(dma_port), 1u);
        EXPECT_EQ(ic.add_target(a_port), 0u);
        EXPECT_EQ(ic.add_target(b_port), 1u);
        ic.map(region("a", 0x10000000, 0x100000, 0));
        ic.map(region("b_first", 0x40000000, 0x1000, 1));
        ic.map(region("b_second", 0x50000000, 0x1000, 1, 0x1000));
        cpu.socket.bind(ic.upstream);
        dma.socket.bind(ic.upstream);
        ic.downstream.bind(a.socket);
        ic.downstream.bind(b.socket);
        vp_test::elaborate();
    }
    double stat(const std::string& name) const { return stats.value(name); }
};

TEST(AxiInterconnect, DecodesToTheRightTargetWithTranslatedAddresses) {
    Bench t;
    t.build();
    sc_time delay;
    const uint8_t out[4] = {1, 2, 3, 4};
    ASSERT_EQ(t.cpu.write(0x10000010, out, 4, delay), tlm::TLM_OK_RESPONSE);
    ASSERT_EQ(t.a.accesses.size(), 1u);
    EXPECT_EQ(t.a.accesses[0].address, 0x10u);
    EXPECT_EQ(t.cpu.last_address_after, 0x10000010u);  // restored for the initiator

    ASSERT_EQ(t.dma.write(0x50000020, out, 4, delay), tlm::TLM_OK_RESPONSE);
    ASSERT_EQ(t.b.accesses.size(), 1u);
    EXPECT_EQ(t.b.accesses[0].address, 0x1020u);  // base removed, offset added
    EXPECT_EQ(std::memcmp(&t.b.memory[0x1020], out, 4), 0);

    uint8_t in[4] = {};
    ASSERT_EQ(t.cpu.read(0x40000020, in, 4, delay), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(t.b.accesses.back().address, 0x20u);
    EXPECT_TRUE(t.a.accesses.size() == 1u);
    EXPECT_EQ(t.stat("ic.cpu.wr.transactions"), 1);
    EXPECT_EQ(t.stat("ic.cpu.rd.transactions"), 1);
    EXPECT_EQ(t.stat("ic.dma.wr.bytes"), 4);
    EXPECT_EQ(t.stat("ic.b.wr.transactions"), 1);
    EXPECT_EQ(t.stat("ic.b.rd.bytes"), 4);
}

TEST(AxiInterconnect, UnmappedAddressIsDecerrCountedAndLoggedOncePerRepeat) {
    Bench t;
    t.build();
    sc_core::sc_start(sc_time(5, sc_core::SC_US));  // the log names a non-zero time
    const unsigned warnings_before = vp::warning_count();
    tlm::tlm_response_status status;
    const sc_time delay = t.cpu.timed_read(0x20000000, 4, &status);
    EXPECT_EQ(status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
    // The default slave answers after the initiator port's latency.
    EXPECT_EQ(delay, sc_time(t.cpu_port.latency_cycles * ns(t.cpu_port.clock_hz), SC_NS));
    for (int i = 0; i < 5; ++i) t.cpu.timed_read(0x20000000, 4);  // a polling loop
    EXPECT_EQ(t.stat("ic.cpu.decerr"), 6);
    EXPECT_EQ(vp::warning_count() - warnings_before, 1u);
    t.cpu.timed_read(0x20000004, 4);
    EXPECT_EQ(vp::warning_count() - warnings_before, 2u);
    EXPECT_EQ(t.stat("ic.cpu.decerr"), 7);
    EXPECT_EQ(t.stat("ic.dma.decerr"), 0);
    EXPECT_EQ(t.stat("ic.cpu.rd.transactions"), 0);
    EXPECT_TRUE(t.a.accesses.empty());
    EXPECT_TRUE(t.b.accesses.empty());
}

TEST(AxiInterconnect, DecerrLoggingGoesQuietAfterTheLimitButKeepsCounting) {
    vp::Stats stats;
    vp::InterconnectParams params;
    params.decerr_log_limit = 3;
    vp::AxiInterconnect ic("ic", stats, params);
    TestInitiator cpu("cpu_master");
    RecordingTarget a("a_slave", 0x1000);
    ic.add_initiator(port("cpu", 4, 100e6, 16, 0));
    ic.add_target(port("a", 4, 100e6, 16, 0));
    ic.map(region("a", 0, 0x1000, 0));
    cpu.socket.bind(ic.upstream);
    ic.downstream.bind(a.socket);
    vp_test::elaborate();
    const unsigned before = vp::warning_count();
    for (uint64_t i = 0; i < 10; ++i) cpu.timed_read(0x10000 + 4 * i, 4);
    EXPECT_EQ(vp::warning_count() - before, 3u);
    EXPECT_EQ(stats.value("ic.cpu.decerr"), 10);
}

TEST(AxiInterconnect, RangeCrossingARegionEndIsDecerr) {
    Bench t;
    t.build();
    tlm::tlm_response_status status;
    t.cpu.timed_read(0x40000FFC, 8, &status);  // 4 bytes inside b_first, 4 beyond
    EXPECT_EQ(status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
    EXPECT_TRUE(t.b.accesses.empty());
    EXPECT_EQ(t.stat("ic.cpu.decerr"), 1);
    t.cpu.timed_read(0x40000FFC, 4, &status);  // the last word exactly: fine
    EXPECT_EQ(status, tlm::TLM_OK_RESPONSE);
    // Crossing from one window into an adjacent one is still an error (different targets).
}

TEST(AxiInterconnect, OverlappingZeroSizeAndUnknownTargetRegionsAreRejected) {
    vp::Stats stats;
    vp::AxiInterconnect ic("ic", stats);
    ic.add_target(port("ddr", 8, 100e6, 16, 0));
    ic.map(region("ddr", 0x00100000, 0x1FF00000, 0));
    try {
        ic.map(region("ocm_low", 0x0, 0x200000, 0));
        FAIL() << "overlap accepted";
    } catch (const vp::ConfigError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("'ocm_low'"), std::string::npos) << m;
        EXPECT_NE(m.find("'ddr'"), std::string::npos) << m;
    }
    EXPECT_THROW(ic.map(region("empty", 0x40000000, 0, 0)), vp::ConfigError);
    EXPECT_THROW(ic.map(region("ghost", 0x40000000, 0x1000, 5)), vp::ConfigError);
    EXPECT_THROW(ic.add_target(port("ddr", 8, 100e6, 16, 0)), vp::ConfigError);  // name reused
    EXPECT_THROW(ic.add_initiator(port("odd", 6, 100e6, 16, 0)), vp::ConfigError);  // width
    EXPECT_THROW(ic.add_initiator(port("stopped", 4, 0, 16, 0)), vp::ConfigError);  // clock
}

TEST(AxiInterconnect, TransferCrossingFourKiBIsSplitIntoTwoBursts) {
    Bench t;
    t.dma_port = port("dma", 8, 100e6, 256, 0);
    t.a_port = port("a", 8, 100e6, 256, 0);
    t.build();
    // 512 bytes = 64 beats: one AXI4 burst, except that 0xF00 + 512 crosses 0x1000.
    const sc_time delay = t.dma.timed_read(0x10000F00, 512);
    EXPECT_EQ(t.stat("ic.dma.bursts"), 2);
    EXPECT_EQ(t.stat("ic.a.bursts"), 2);
    EXPECT_EQ(t.stat("ic.dma.beats"), 64);
    t.dma.timed_read(0x10002000, 512);  // within one page
    EXPECT_EQ(t.stat("ic.dma.bursts"), 3);
    EXPECT_EQ(t.stat("ic.a.bursts"), 3);
    // Splitting costs no time in the fixed model: 64 beats of 10 ns.
    EXPECT_EQ(delay, sc_time(64 * ns(100e6), SC_NS));
}

TEST(AxiInterconnect, Axi4BurstOf256BeatsIntoAnAxi3PortBecomes16Bursts) {
    Bench t;
    t.dma_port = port("dma", 8, 100e6, 256, 0);
    t.a_port = port("a", 8, 100e6, 16, 0);
    t.build();
    t.dma.timed_read(0x10000000, 256 * 8);
    EXPECT_EQ(t.stat("ic.dma.bursts"), 1);
    EXPECT_EQ(t.stat("ic.dma.beats"), 256);
    EXPECT_EQ(t.stat("ic.a.bursts"), 16);
    EXPECT_EQ(t.stat("ic.a.beats"), 256);
}

TEST(AxiInterconnect, SixtyFourToThirtyTwoBitPathDoublesTheBeatsAndTheDataTime) {
    Bench t;
    t.dma_port = port("dma", 8, 100e6, 256, 2);
    t.b_port = port("b", 4, 100e6, 256, 3);
    t.build();
    t.b.access_delay = sc_time(7, SC_NS);
    const unsigned bytes = 1024;
    const sc_time delay = t.dma.timed_read(0x40000000, bytes);
    EXPECT_EQ(t.stat("ic.dma.beats"), bytes / 8);
    EXPECT_EQ(t.stat("ic.b.beats"), 2 * bytes / 8);
    // latencies of both ports + the narrow port's beats + the target's own time.
    const double want_ns = (2 + 3) * ns(100e6) + (bytes / 4) * ns(100e6) + 7;
    EXPECT_EQ(delay, sc_time(want_ns, SC_NS));
}

TEST(AxiInterconnect, DataTimeIsThatOfTheSlowestPortOnThePath) {
    Bench t;
    t.dma_port = port("dma", 8, 100e6, 256, 2);  // 128 beats x 10 ns = 1280 ns
    t.b_port = port("b", 4, 250e6, 256, 3);      // 256 beats x 4 ns = 1024 ns
    t.build();
    const sc_time d1 = t.dma.timed_read(0x40000000, 1024);
    EXPECT_EQ(d1, sc_time(2 * ns(100e6) + 3 * ns(250e6) + 128 * ns(100e6), SC_NS));
    // From the 32-bit CPU port at 100 MHz the initiator side is the slow one too: 256 x 10.
    const sc_time d2 = t.cpu.timed_read(0x40000000, 1024);
    EXPECT_EQ(d2, sc_time(1 * ns(100e6) + 3 * ns(250e6) + 256 * ns(100e6), SC_NS));
    // A delay already annotated by the initiator is kept and added to.
    uint8_t buf[8];
    sc_time delay(100, SC_NS);
    t.cpu.read(0x40000000, buf, 8, delay);
    EXPECT_EQ(delay, sc_time(100 + 1 * ns(100e6) + 3 * ns(250e6) + 2 * ns(100e6), SC_NS));
}

TEST(AxiInterconnect, LatencyStatisticsPerPort) {
    Bench t;
    t.dma_port = port("dma", 8, 100e6, 256, 0);
    t.a_port = port("a", 8, 100e6, 256, 0);
    t.build();
    t.dma.timed_read(0x10000000, 80);   // 10 beats: 100 ns
    t.dma.timed_read(0x10000000, 240);  // 30 beats: 300 ns
    EXPECT_DOUBLE_EQ(t.stat("ic.dma.latency_ns.min"), 100);
    EXPECT_DOUBLE_EQ(t.stat("ic.dma.latency_ns.mean"), 200);
    EXPECT_DOUBLE_EQ(t.stat("ic.dma.latency_ns.max"), 300);
    EXPECT_DOUBLE_EQ(t.stat("ic.a.latency_ns.max"), 300);
    EXPECT_DOUBLE_EQ(t.stat("ic.cpu.latency_ns.min"), 0);  // no traffic yet
    EXPECT_EQ(t.stat("ic.dma.rd.bytes"), 320);
    EXPECT_EQ(t.stat("ic.a.rd.transactions"), 2);
}

TEST(AxiInterconnect, TargetErrorsAreCountedAsSlverr) {
    Bench t;
    t.build();
    // b's memory is 16 KiB; window b_second sees 0x1000..0x1FFF, all inside. Shrink it.
    t.b.memory.resize(0x1800);
    tlm::tlm_response_status status;
    t.cpu.timed_read(0x50000900, 4, &status);  // target address 0x1900: beyond b's memory
    EXPECT_EQ(status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
    EXPECT_EQ(t.stat("ic.cpu.slverr"), 1);
    EXPECT_EQ(t.stat("ic.b.slverr"), 1);
    EXPECT_EQ(t.stat("ic.cpu.decerr"), 0);
    EXPECT_EQ(t.stat("ic.cpu.rd.transactions"), 0);
}

TEST(AxiInterconnect, TransportDbgIsForwardedWithTranslation) {
    Bench t;
    t.build();
    uint8_t image[16];
    for (int i = 0; i < 16; ++i) image[i] = static_cast<uint8_t>(0xA0 + i);
    EXPECT_EQ(t.cpu.debug(tlm::TLM_WRITE_COMMAND, 0x50000100, image, 16), 16u);
    EXPECT_EQ(std::memcmp(&t.b.memory[0x1100], image, 16), 0);
    uint8_t back[16] = {};
    EXPECT_EQ(t.dma.debug(tlm::TLM_READ_COMMAND, 0x50000100, back, 16), 16u);
    EXPECT_EQ(std::memcmp(back, image, 16), 0);
    EXPECT_EQ(t.cpu.debug(tlm::TLM_READ_COMMAND, 0x60000000, back, 16), 0u);  // unmapped
    EXPECT_EQ(t.cpu.debug(tlm::TLM_READ_COMMAND, 0x50000FF8, back, 16), 0u);  // crosses the end
    // Debug accesses are neither timed nor counted.
    EXPECT_EQ(t.stat("ic.cpu.wr.transactions"), 0);
    EXPECT_EQ(t.stat("ic.cpu.decerr"), 0);
}

// The OCM as on the Zynq: one 256 KiB RAM seen low (192 KiB) and high (64 KiB).
TEST(AxiInterconnect, DmiIsForwardedWithTranslationBothWays) {
    vp::Stats stats;
    vp::AxiInterconnect ic("ic", stats);
    TestInitiator cpu("cpu_master");
    vp::RamParams rp;
    rp.size_bytes = 256 << 10;
    vp::Ram ocm("ocm", rp, stats);
    RecordingTarget rec("rec_slave", 1 << 20);
    ic.add_initiator(port("cpu", 8, 100e6, 16, 1));
    ic.add_target(port("ocm", 8, 100e6, 16, 1));
    ic.add_target(port("rec", 8, 100e6, 16, 1));
    ic.map(region("ocm_low", 0x0, 0x30000, 0, 0));
    ic.map(region("ocm_high", 0xFFFF0000, 0x10000, 0, 0x30000));
    ic.map(region("rec", 0x80000000, 0x10000, 1, 0x10000));
    cpu.socket.bind(ic.upstream);
    ic.downstream.bind(ocm.socket);
    ic.downstream.bind(rec.socket);
    vp_test::elaborate();

    tlm::tlm_dmi dmi;
    ASSERT_TRUE(cpu.dmi(0xFFFF0010, dmi));
    // The RAM grants all of 0x0..0x3FFFF; the high window sees 0x30000..0x3FFFF of it.
    EXPECT_EQ(dmi.get_start_address(), 0xFFFF0000u);
    EXPECT_EQ(dmi.get_end_address(), 0xFFFFFFFFu);
    EXPECT_EQ(dmi.get_dmi_ptr(), ocm.storage().data() + 0x30000);
    EXPECT_TRUE(dmi.is_read_write_allowed());
    const uint8_t word[4] = {0xDE, 0xAD, 0xBE, 0xEF};
    std::memcpy(dmi.get_dmi_ptr() + (0xFFFF0010 - dmi.get_start_address()), word, 4);
    uint8_t back[4] = {};
    sc_time delay;
    ASSERT_EQ(cpu.read(0xFFFF0010, back, 4, delay), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(std::memcmp(back, word, 4), 0);
    uint8_t in_ram[4] = {};
    ocm.storage().read(0x30010, in_ram, 4);
    EXPECT_EQ(std::memcmp(in_ram, word, 4), 0);

    ASSERT_TRUE(cpu.dmi(0x2F000, dmi));  // the low window: its 192 KiB only
    EXPECT_EQ(dmi.get_start_address(), 0x0u);
    EXPECT_EQ(dmi.get_end_address(), 0x2FFFFu);
    EXPECT_EQ(dmi.get_dmi_ptr(), ocm.storage().data());

    // A target granting below the window too: clipped, pointer moved to the window's start.
    ASSERT_TRUE(cpu.dmi(0x80000004, dmi));
    EXPECT_EQ(rec.dmi_requests.back(), 0x10004u);
    EXPECT_EQ(dmi.get_start_address(), 0x80000000u);
    EXPECT_EQ(dmi.get_end_address(), 0x8000FFFFu);
    EXPECT_EQ(dmi.get_dmi_ptr(), rec.memory.data() + 0x10000);

    // Unmapped: denied for the whole gap around the address.
    EXPECT_FALSE(cpu.dmi(0x90000000, dmi));
    EXPECT_EQ(dmi.get_start_address(), 0x80010000u);
    EXPECT_EQ(dmi.get_end_address(), 0xFFFEFFFFu);
}

TEST(AxiInterconnect, InvalidateDmiReachesEveryInitiatorThroughEveryWindow) {
    Bench t;
    t.build();
    t.b.revoke_dmi(0x800, 0x17FF);  // spans both windows onto b
    for (const TestInitiator* m : {&t.cpu, &t.dma}) {
        ASSERT_EQ(m->invalidations.size(), 2u);
        EXPECT_EQ(m->invalidations[0].first, 0x40000800u);
        EXPECT_EQ(m->invalidations[0].last, 0x40000FFFu);
        EXPECT_EQ(m->invalidations[1].first, 0x50000000u);
        EXPECT_EQ(m->invalidations[1].last, 0x500007FFu);
    }
    t.b.revoke_dmi(0x3000, 0x3FFF);  // outside both windows: nobody holds a pointer there
    EXPECT_EQ(t.cpu.invalidations.size(), 2u);
    t.a.revoke_dmi(0, ~uint64_t{0});  // "everything"
    ASSERT_EQ(t.cpu.invalidations.size(), 3u);
    EXPECT_EQ(t.cpu.invalidations[2].first, 0x10000000u);
    EXPECT_EQ(t.cpu.invalidations[2].last, 0x100FFFFFu);
}

// Issue 5 replaces the timing by injecting a policy; decode, routing and counters stay.
struct ConstantTiming : vp::TimingPolicy {
    const char* name() const override { return "constant"; }
    vp::TimeUnits forward(vp::Transfer& tr, vp::TimeUnits) override {
        last_bursts = tr.target_side.bursts;
        return sc_time(1, sc_core::SC_US).value();
    }
    uint64_t last_bursts = 0;
};

TEST(AxiInterconnect, TimingPolicyIsReplaceable) {
    Bench t;
    auto policy = std::make_unique<ConstantTiming>();
    ConstantTiming* p = policy.get();
    t.ic.set_timing_policy(std::move(policy));
    t.build();
    EXPECT_EQ(t.dma.timed_read(0x10000000, 2048), sc_time(1, sc_core::SC_US));
    EXPECT_EQ(p->last_bursts, 16u);
    EXPECT_THROW(vp::make_timing_policy("psychic"), vp::ConfigError);
}

TEST(AxiInterconnect, PortAndInterconnectParamsFromConfig) {
    vp::ConfigSchema schema;
    vp::PortParams hp0 = port("hp0", 8, 150e6, 16, 4);
    vp::PortParams::declare(schema, "hp0", hp0);
    vp::InterconnectParams::declare(schema, "hp_interconnect");
    vp::Config config(schema);
    config.set("hp0.width_bytes", "4", "test");
    const vp::PortParams p = vp::PortParams::from_config(config, "hp0", "hp0");
    EXPECT_EQ(p.width_bytes, 4u);
    EXPECT_EQ(p.clock_hz, 150e6);
    EXPECT_EQ(p.max_burst_beats, 16u);
    EXPECT_EQ(p.latency_cycles, 4u);
    EXPECT_EQ(vp::InterconnectParams::from_config(config, "hp_interconnect").timing, "fixed");
    EXPECT_THROW(config.set("hp_interconnect.timing", "psychic", "test"), vp::ConfigError);
    config.set("hp0.width_bytes", "6", "test");
    EXPECT_THROW(vp::PortParams::from_config(config, "hp0", "hp0"), vp::ConfigError);
}

}  // namespace
