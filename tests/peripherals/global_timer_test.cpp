// The Cortex-A9 global timer seen through its socket: the count is exact for the time of
// each access (SystemC time + the access's annotated delay).
#include <gtest/gtest.h>

#include "tests/support/bus_master.h"

#include <functional>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "peripherals/timer/a9_global_timer.h"
#include "software/include/hw/a9_global_timer_regs.h"
#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/stats/stats.h"

using sc_core::sc_time;
using sc_core::SC_MS;
using sc_core::SC_NS;
using sc_core::SC_US;
using sc_core::SC_ZERO_TIME;

namespace {

using Bench = vp_test::BusMaster;

// As XTime_GetTime: high, low, high until the high word is stable; each read at its own
// time (the CPU's local time advancing by `step` per access). low_time: when low was read.
uint64_t read_counter(Bench& bench, sc_time& local, sc_time step, sc_time& low_time) {
    for (;;) {
        const uint32_t high = bench.read(A9_GTIMER_COUNTER_HIGH, local);
        local += step;
        const uint32_t low = bench.read(A9_GTIMER_COUNTER_LOW, local);
        low_time = local;
        local += step;
        const uint32_t again = bench.read(A9_GTIMER_COUNTER_HIGH, local);
        local += step;
        if (again == high) return (uint64_t{high} << 32) | low;
    }
}


struct TimerBench {
    vp::Stats stats;
    zynq::A9GlobalTimer timer;
    Bench bench{"bench"};
    explicit TimerBench(const zynq::A9GlobalTimerParams& params = {}) : timer("timer", params, stats) {
        bench.socket.bind(timer.socket);
    }
    uint64_t read64(sc_time delay = SC_ZERO_TIME) {
        const uint64_t low = bench.read(A9_GTIMER_COUNTER_LOW, delay);
        return low | uint64_t{bench.read(A9_GTIMER_COUNTER_HIGH, delay)} << 32;
    }
};

}  // namespace

TEST(GlobalTimer, CountsAtTheClockExactlyFromEnable) {
    TimerBench b;  // 333_333_333 Hz: a 667 MHz CPU / 2
    uint64_t disabled = 1, at_6ns = 0, at_3us = 0, at_1ms = 0, at_3ms = 0;
    uint32_t control = 0;
    b.bench.script([&] {
        disabled = b.read64(sc_time(1, SC_US));  // not yet enabled: holds 0
        // The BSP enables with 0 then 1, here at t = 10 us.
        sc_core::wait(sc_time(10, SC_US));
        b.bench.write(A9_GTIMER_CONTROL, 0);
        b.bench.write(A9_GTIMER_CONTROL, A9_GTIMER_CONTROL_ENABLE);
        control = b.bench.read(A9_GTIMER_CONTROL);
        // floor(t x 333_333_333 Hz) just below whole counts: the floor is exact.
        at_6ns = b.read64(sc_time(6, SC_NS));     // 1.999999998 -> 1
        at_3us = b.read64(sc_time(3, SC_US));     // 999.999999 -> 999
        // The same time reached through SystemC time plus an annotated delay.
        sc_core::wait(sc_time(400, SC_US));
        at_1ms = b.read64(sc_time(600, SC_US));   // 333333.333 -> 333333
        at_3ms = b.read64(sc_time(2600, SC_US));  // 999999.999 -> 999999
    });
    sc_core::sc_start();
    EXPECT_EQ(disabled, 0u);
    EXPECT_EQ(control, A9_GTIMER_CONTROL_ENABLE);
    EXPECT_EQ(at_6ns, 1u);
    EXPECT_EQ(at_3us, 999u);
    EXPECT_EQ(at_1ms, 333333u);
    EXPECT_EQ(at_3ms, 999999u);
    EXPECT_EQ(b.stats.value("timer.counter_reads"), 10.0);
}

TEST(GlobalTimer, HighLowHighReadIsConsistentAcrossTheCarry) {
    TimerBench b;
    uint64_t value = 0;
    sc_time low_time;
    uint32_t first_high = 0;
    b.bench.script([&] {
        // Written while disabled, as the TRM requires (XTime_SetTime's sequence).
        b.bench.write(A9_GTIMER_CONTROL, 0);
        b.bench.write(A9_GTIMER_COUNTER_LOW, 0xFFFFFF00u);
        b.bench.write(A9_GTIMER_COUNTER_HIGH, 1);
        b.bench.write(A9_GTIMER_CONTROL, A9_GTIMER_CONTROL_ENABLE);
        // 256 counts to the carry = 768 ns: reading 300 ns apart, the first high word is
        // read before it and the low word after, so the sequence must retry.
        first_high = b.bench.read(A9_GTIMER_COUNTER_HIGH, sc_time(500, SC_NS));
        sc_time local(500, SC_NS);
        value = read_counter(b.bench, local, sc_time(300, SC_NS), low_time);
    });
    sc_core::sc_start();
    EXPECT_EQ(first_high, 1u);
    EXPECT_EQ(value >> 32, 2u);
    EXPECT_EQ(value, b.timer.counter_at(low_time));
    // counter_at is exact: 0x1_FFFFFF00 + floor(t x f).
    const uint64_t counts = static_cast<uint64_t>(low_time.to_seconds() * 333333333.0);
    EXPECT_NEAR(static_cast<double>(value), static_cast<double>(0x1FFFFFF00ull + counts), 1.0);
}

TEST(GlobalTimer, DisableHoldsTheCountAndEnableResumes) {
    TimerBench b;
    uint64_t held = 0, resumed = 0;
    b.bench.script([&] {
        b.bench.write(A9_GTIMER_CONTROL, A9_GTIMER_CONTROL_ENABLE);
        b.bench.write(A9_GTIMER_CONTROL, 0, sc_time(3, SC_US));  // 999 counts
        held = b.read64(sc_time(50, SC_US));
        b.bench.write(A9_GTIMER_CONTROL, A9_GTIMER_CONTROL_ENABLE, sc_time(60, SC_US));
        resumed = b.read64(sc_time(63, SC_US));                 // + 999 more
    });
    sc_core::sc_start();
    EXPECT_EQ(held, 999u);
    EXPECT_EQ(resumed, 1998u);
}

TEST(GlobalTimer, PrescalerDividesTheClock) {
    TimerBench b;
    uint64_t divided = 0;
    b.bench.script([&] {
        b.bench.write(A9_GTIMER_CONTROL,
                      A9_GTIMER_CONTROL_ENABLE | (9u << A9_GTIMER_CONTROL_PRESCALER_SHIFT));
        divided = b.read64(sc_time(3, SC_MS));  // 999999.999 / 10 -> 99999
    });
    sc_core::sc_start();
    EXPECT_EQ(divided, 99999u);
}

TEST(GlobalTimer, CounterWriteWhileEnabledIsIgnoredWithAWarning) {
    TimerBench b;
    uint64_t value = 0;
    const unsigned warnings_before = vp::warning_count();
    b.bench.script([&] {
        b.bench.write(A9_GTIMER_CONTROL, A9_GTIMER_CONTROL_ENABLE);
        b.bench.write(A9_GTIMER_COUNTER_LOW, 0x12345678, sc_time(1, SC_US));
        value = b.read64(sc_time(3, SC_US));
    });
    sc_core::sc_start();
    EXPECT_EQ(value, 999u);
    EXPECT_EQ(vp::warning_count(), warnings_before + 1);
    EXPECT_EQ(b.stats.value("timer.counter_write_errors"), 1.0);
}

TEST(GlobalTimer, ComparatorRegistersAndEventFlagWithAutoIncrement) {
    TimerBench b;
    uint32_t comp_lo = 0, comp_hi = 0, autoinc = 0, isr = 0, comp_after = 0, isr_cleared = 1;
    bool irq = false;
    b.bench.script([&] {
        b.bench.write(A9_GTIMER_COMPARATOR_LOW, 1000);
        b.bench.write(A9_GTIMER_COMPARATOR_HIGH, 0);
        b.bench.write(A9_GTIMER_AUTO_INCREMENT, 500);
        comp_lo = b.bench.read(A9_GTIMER_COMPARATOR_LOW);
        comp_hi = b.bench.read(A9_GTIMER_COMPARATOR_HIGH);
        autoinc = b.bench.read(A9_GTIMER_AUTO_INCREMENT);
        b.bench.write(A9_GTIMER_CONTROL, A9_GTIMER_CONTROL_ENABLE | A9_GTIMER_CONTROL_COMP_ENABLE |
                                             A9_GTIMER_CONTROL_IRQ_ENABLE |
                                             A9_GTIMER_CONTROL_AUTO_INCREMENT);
        // At 1700 counts (5.1 us) matches at 1000 and 1500 happened: next match 2000.
        isr = b.bench.read(A9_GTIMER_ISR, sc_time(5100, SC_NS));
        irq = b.timer.irq.level();
        comp_after = b.bench.read(A9_GTIMER_COMPARATOR_LOW, sc_time(5100, SC_NS));
        b.bench.write(A9_GTIMER_ISR, A9_GTIMER_ISR_EVENT, sc_time(5200, SC_NS));
        isr_cleared = b.bench.read(A9_GTIMER_ISR, sc_time(5200, SC_NS));
    });
    sc_core::sc_start();
    EXPECT_EQ(comp_lo, 1000u);
    EXPECT_EQ(comp_hi, 0u);
    EXPECT_EQ(autoinc, 500u);
    EXPECT_EQ(isr, A9_GTIMER_ISR_EVENT);
    EXPECT_TRUE(irq);
    EXPECT_EQ(comp_after, 2000u);
    EXPECT_EQ(isr_cleared, 0u);
    EXPECT_FALSE(b.timer.irq.level());
}

TEST(GlobalTimer, ClockComesFromConfig) {
    vp::ConfigSchema schema;
    zynq::A9GlobalTimerParams::declare(schema);
    vp::Config config(schema);
    EXPECT_EQ(zynq::A9GlobalTimerParams::from_config(config).clock_hz, 333333333u);
    config.set_assignment("timer.clock_hz=400000000");
    EXPECT_EQ(zynq::A9GlobalTimerParams::from_config(config).clock_hz, 400000000u);
}
