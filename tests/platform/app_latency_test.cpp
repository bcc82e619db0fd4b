// The application's own step latency (the global timer, as the driver measures it) on a
// step longer than 2^32 timer ticks (12.9 s at 333.5 MHz, half the CPU clock): a slow GP0
// port (1 Hz, ten cycles of latency per register access) makes every access take 10 s.
#include <gtest/gtest.h>

#include "tests/platform/job_fixture.h"

TEST(AppLatency, AStepLongerThan32BitsOfTimerTicksIsMeasuredWhole) {
    const auto r = vp_test::run_vp_job("minized.cfg", {{"gp0.clock_hz", "1"},
                                                       {"gp0.latency_cycles", "10"},
                                                       {"synthetic.timesteps", "1"}});
    EXPECT_EQ(r.exit_status, 0);
    const double wrap_us = 4294967295.0 / 333.5;  // 12.9 s
    // The mean comes from the 64-bit sum: the whole step (it wrapped to 3.2 s before).
    EXPECT_GT(r.stats["run.latency_us.mean"].get<double>(), wrap_us);
    // The descriptor's 32-bit maximum saturates instead of wrapping.
    EXPECT_NEAR(r.stats["run.latency_us.max"].get<double>(), wrap_us, 1.0);
}
