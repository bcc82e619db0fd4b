// The native CPU on its own: HAL accesses become timed TLM transactions, RAM is reached
// through DMI, and a bus error is a data abort that stops the program with the address.
#include <gtest/gtest.h>

#include "software/hal/hal.h"
#include "tests/support/stuck_register.h"
#include "vp/common/stop_request.h"
#include "vp/cpu/native_cpu.h"
#include "vp/interconnect/axi_interconnect.h"
#include "vp/memory/ram.h"
#include "vp/stats/stats.h"

namespace {

struct CpuBench {
    vp::Stats stats;
    vp::AxiInterconnect bus{"bus", stats};
    vp::Ram ram{"ram", [] { vp::RamParams p; p.size_bytes = 1 << 20; return p; }(), stats};
    vp_test::StuckRegister stuck{"stuck"};  // at kStuckRegister
    std::unique_ptr<vp::NativeCpu> cpu;

    explicit CpuBench(std::function<int(uint32_t)> program, bool poll_skip = true, double poll_hang_s = 60) {
        vp::NativeCpuParams params;
        params.hal_call_ns = 10;
        params.poll_skip = poll_skip;
        params.poll_hang_s = poll_hang_s;
        cpu = std::make_unique<vp::NativeCpu>("cpu", params, stats, std::move(program), 0x1234);
        vp::PortParams port;
        port.name = "cpu";
        port.width_bytes = 4;
        port.clock_hz = 100e6;
        port.latency_cycles = 1;
        bus.add_initiator(port);
        cpu->bus.bind(bus.upstream);
        port.name = "ram";
        const unsigned t = bus.add_target(port);
        bus.downstream.bind(ram.socket);
        bus.map(vp::AddressRegion{"ram", 0x10000000, 1 << 20, t, 0});
        port.name = "stuck";
        const unsigned s = bus.add_target(port);
        bus.downstream.bind(stuck.socket);
        bus.map(vp::AddressRegion{"stuck", kStuckRegister, 4, s, 0});
    }
    static constexpr uint32_t kStuckRegister = 0x20000000;
};

// A poll budget on a register that never changes (a stuck device): the loop's reads,
// transacted or skipped, add up to the budget, and it times out at the simulated time
// of reading one by one (30 ns per read here: a cycle of latency on each side of the
// 100 MHz bus and one data beat).
void expect_budget_times_out_as_read_by_read(bool poll_skip) {
    constexpr uint32_t kBudget = 3000000;
    uint32_t polls = 0;
    CpuBench bench(
        [&](uint32_t) {
            for (polls = 0; polls < kBudget; ++polls)
                if (hal_read32(CpuBench::kStuckRegister) != 0) break;
            return 0;
        },
        poll_skip);
    sc_core::sc_start();
    EXPECT_EQ(polls, kBudget);
    const double reads = bench.stats.value("cpu.reads"), skipped = bench.stats.value("cpu.polls_skipped");
    EXPECT_GE(reads + skipped, kBudget);
    EXPECT_LE(reads + skipped, kBudget + 100000.0) << "within one wait's window";
    const double per_read_ns = sc_core::sc_time_stamp().to_seconds() * 1e9 / kBudget;
    EXPECT_GE(per_read_ns, 30.0);
    EXPECT_LE(per_read_ns, 30.0 * (kBudget + 100000.0) / kBudget) << "as long as reading one by one";
    if (poll_skip) {
    EXPECT_LT(reads, 100.0) << "the skipped reads were neither transacted nor waited again";
    }
}

}  // namespace

TEST(NativeCpu, RegistersAreTimedTransactionsAndRamIsDmi) {
    uint32_t seen_arg = 0, read_back = 0;
    sc_core::sc_time after_write;
    CpuBench bench([&](uint32_t arg) {
        seen_arg = arg;
        hal_write32(0x10000010, 0xCAFEF00D);
        after_write = sc_core::sc_time_stamp();
        auto* p = static_cast<uint32_t*>(hal_phys_to_ptr(0x10000010, 4));
        read_back = p ? *p : 0;
        if (p) p[1] = 0x12345678;  // a DMI write seen by the bus
        return hal_read32(0x10000014) == 0x12345678 ? 0 : 5;
    });
    sc_core::sc_start();
    EXPECT_EQ(seen_arg, 0x1234u);
    EXPECT_EQ(read_back, 0xCAFEF00Du);
    EXPECT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->exit_status(), 0);
    EXPECT_EQ(bench.stats.value("cpu.writes"), 1.0);
    EXPECT_EQ(bench.stats.value("cpu.dmi_grants"), 1.0);
    EXPECT_GT(sc_core::sc_time_stamp(), sc_core::SC_ZERO_TIME) << "accesses cost simulated time";
}

TEST(NativeCpu, BusErrorIsADataAbortNamingTheAddress) {
    bool after_fault = false;
    CpuBench bench([&](uint32_t) {
        hal_read32(0xDEAD0000);
        after_fault = true;
        return 0;
    });
    sc_core::sc_start();
    EXPECT_FALSE(after_fault);
    EXPECT_TRUE(bench.cpu->finished());
    EXPECT_NE(bench.cpu->exit_status(), 0);
    EXPECT_NE(bench.cpu->fault().find("0xdead0000"), std::string::npos) << bench.cpu->fault();
    EXPECT_EQ(bench.stats.value("cpu.bus_errors"), 1.0);
}

TEST(NativeCpu, HalExitEndsTheProgramWithItsStatus) {
    bool after_exit = false;
    CpuBench bench([&](uint32_t) {
        hal_exit(7);
        after_exit = true;
        return 0;
    });
    sc_core::sc_start();
    EXPECT_FALSE(after_exit);
    EXPECT_EQ(bench.cpu->exit_status(), 7);
}

TEST(NativeCpu, PollBudgetOnAStuckRegisterTimesOutAsReadByRead) { expect_budget_times_out_as_read_by_read(true); }

TEST(NativeCpu, PollBudgetOnAStuckRegisterReadByRead) { expect_budget_times_out_as_read_by_read(false); }

// Something else keeps happening in the platform (a periodic process): the register could
// still change, so a long poll of it is not a hang.
struct Ticker : sc_core::sc_module {
    explicit Ticker(sc_core::sc_module_name name) : sc_module(name) {
        SC_HAS_PROCESS(Ticker);
        SC_THREAD(run);
    }
    void run() {
        for (;;) wait(sc_core::sc_time(1, sc_core::SC_MS));
    }
};

// 10^6 polls of 30 ns: 30 ms against a 10 ms hang limit.
constexpr uint32_t kLongBudget = 1000000;
constexpr double kHangLimitS = 0.01;

int poll_long(uint32_t) {
    for (uint32_t polls = 0; polls < kLongBudget; ++polls)
        if (hal_read32(CpuBench::kStuckRegister) != 0) return 1;
    return 0;
}

TEST(NativeCpu, PollingWhatNothingCanChangeIsStoppedAsAHang) {
    CpuBench bench(poll_long, true, kHangLimitS);
    sc_core::sc_start();
    EXPECT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->exit_status(), 128);
    EXPECT_NE(bench.cpu->fault().find("hung"), std::string::npos) << bench.cpu->fault();
    EXPECT_NE(bench.cpu->fault().find("0x20000000"), std::string::npos) << bench.cpu->fault();
    const double t = sc_core::sc_time_stamp().to_seconds();
    EXPECT_GE(t, kHangLimitS);
    EXPECT_LT(t, kHangLimitS + 0.004) << "stopped within one wait's window (3 ms) of the limit";
}

TEST(NativeCpu, PollingWhileThePlatformIsBusyIsNoHang) {
    CpuBench bench(poll_long, true, kHangLimitS);
    Ticker ticker("ticker");
    sc_core::sc_start();
    EXPECT_EQ(bench.cpu->exit_status(), 0) << bench.cpu->fault();
}

// Ctrl-C during a run: the program is stopped at its next device access, as by a fault, so
// the run still ends with its summary and statistics (vp/common/stop_request.h).
TEST(NativeCpu, StopRequestEndsTheProgramAtItsNextAccess) {
    vp::install_stop_request_handlers();
    bool after = false;
    CpuBench bench([&](uint32_t) {
        hal_write32(0x10000000, 1);
        std::raise(SIGINT);
        hal_read32(0x10000000);
        after = true;
        return 0;
    });
    sc_core::sc_start();
    EXPECT_FALSE(after);
    EXPECT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->exit_status(), 130);
    EXPECT_NE(bench.cpu->fault().find("interrupted by SIGINT"), std::string::npos) << bench.cpu->fault();
}

