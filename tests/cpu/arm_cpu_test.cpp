// The ARM CPU on its own with small guest programs (tests/cpu/guest): instruction counting
// and speed, time, _exit, the interrupt path, and faults that stop the run with a message.
#include <gtest/gtest.h>

#include <cstdio>

#include "tests/cpu/arm_bench.h"

using vp_test::ArmBench;
using vp_test::guest_elf;

namespace {

// guest_checksum() of tests/cpu/guest/compute.c, on the host.
uint32_t checksum(uint32_t iterations) {
    uint32_t x = 12345u, sum = 0;
    float f = 1.0f;
    for (uint32_t i = 0; i < iterations; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        sum += x;
        f = f * 0.5f + 1.0f;
    }
    return (sum ^ static_cast<uint32_t>(f)) & 0x7Fu;
}

// guest_step() of tests/cpu/guest/slices.c, on the host (the device stores 3 bits).
uint32_t slices_checksum(uint32_t iterations) {
    uint32_t acc = 1u;
    for (uint32_t i = 0; i < iterations; ++i) acc = (acc * 31u + (i & 7u) + i) ^ (acc >> 3);
    return acc & 0x7Fu;
}

// One iteration of tests/cpu/guest/poll_budget.c read by read: its instructions at CPI 1
// and 667 MHz and the bus read (two 4-cycle hops at 222 MHz and a beat); 54.03 ns measured
// with cpu.poll_skip = false, boot included.
constexpr double kPollNs = 54.0;

}  // namespace

TEST(ArmCpu, ComputeLoopRunsToExitWithItsStatusAndTime) {
    const uint32_t iterations = 20'000'000;
    ArmBench bench(guest_elf("guest_compute"), iterations);
    sc_core::sc_start();
    ASSERT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->fault(), "");
    EXPECT_EQ(bench.cpu->exit_status(), static_cast<int>(checksum(iterations)));
    const double instructions = bench.stats.value("cpu.instructions");
    // The loop body is about a dozen instructions.
    EXPECT_GT(instructions, 8.0 * iterations);
    EXPECT_LT(instructions, 20.0 * iterations);
    // CPI 1 at 667 MHz: simulated time follows the instruction count.
    EXPECT_NEAR(sc_core::sc_time_stamp().to_seconds(), instructions / 667e6, instructions / 667e6 * 0.01);
    std::printf("[ compute ] %.0f guest instructions, %.1f MIPS (wall %.3f s)\n", instructions,
                bench.stats.value("cpu.mips"), bench.stats.value("cpu.run_wall_s"));
}

// Slices end at block starts (the block hook stops Unicorn there). With a 20 ns quantum
// (about 13 instructions) nearly every block start ends a slice, many of them right after
// a device access; resuming anywhere but at that block's start would run a push twice or
// skip code, and the checksum or the stack pointer would tell.
TEST(ArmCpu, SlicesEndAtBlockStartsAndResumeThereExactly) {
    const uint32_t iterations = 20'000;
    ArmBench bench(guest_elf("guest_slices"), iterations, /*quantum_ns=*/20);
    sc_core::sc_start();
    ASSERT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->fault(), "");
    EXPECT_EQ(bench.cpu->exit_status(), static_cast<int>(slices_checksum(iterations)))
        << "0xFF: the stack pointer moved";
    EXPECT_EQ(bench.stats.value("cpu.writes"), iterations);
    EXPECT_EQ(bench.stats.value("cpu.reads"), iterations);
    EXPECT_GT(bench.stats.value("cpu.slices"), 2.0 * iterations) << "the test needs slice ends everywhere";
}

// A poll budget on a register that never changes (a stuck device), with cpu.poll_skip on
// and off: the loop's reads, transacted or skipped, add up to the budget (within one
// wait's window of 100,000 iterations), and the budget lasts as long as reading one by one.
void expect_poll_budget_times_out_as_read_by_read(bool poll_skip) {
    constexpr uint32_t kBudget = 1'000'000;
    ArmBench bench(guest_elf("guest_poll_budget"), kBudget, 1000, poll_skip);
    sc_core::sc_start();
    ASSERT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->fault(), "");
    EXPECT_EQ(bench.cpu->exit_status(), 0) << "the loop ran out of its budget";
    const double reads = bench.stats.value("cpu.reads"), skipped = bench.stats.value("cpu.polls_skipped");
    EXPECT_GE(reads + skipped, kBudget);
    EXPECT_LE(reads + skipped, kBudget + 100000.0);
    const double per_poll_ns = sc_core::sc_time_stamp().to_seconds() * 1e9 / kBudget;
    std::printf("[ poll budget ] skip %d: %.4f ns per poll, %.0f reads, %.0f skipped, wall %.3f s\n", poll_skip,
                per_poll_ns, reads, skipped, bench.stats.value("cpu.run_wall_s"));
    EXPECT_GE(per_poll_ns, kPollNs);
    EXPECT_LE(per_poll_ns, kPollNs * (kBudget + 100000.0) / kBudget);
    if (poll_skip) {
    EXPECT_LT(reads, 100.0) << "the reads the waits stood for were not transacted";
    }
}

TEST(ArmCpu, PollBudgetOnAStuckRegisterTimesOutAsReadByRead) { expect_poll_budget_times_out_as_read_by_read(true); }

TEST(ArmCpu, PollBudgetOnAStuckRegisterReadByRead) { expect_poll_budget_times_out_as_read_by_read(false); }

TEST(ArmCpu, ExitEndsTheRunWithItsStatus) {
    ArmBench bench(guest_elf("guest_faults"), 5);
    sc_core::sc_start();
    EXPECT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->fault(), "");
    EXPECT_EQ(bench.cpu->exit_status(), 42);
}

TEST(ArmCpu, InterruptsAreTakenByHandWithBankedRegistersAndWfiWakes) {
    ArmBench bench(guest_elf("guest_irq"), 0);
    sc_core::sc_start();
    ASSERT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->fault(), "");
    EXPECT_EQ(bench.cpu->exit_status(), 20) << "2 interrupts handled, VFP state kept, EOI done";
    EXPECT_EQ(bench.stats.value("cpu.irqs"), 2.0);
    EXPECT_EQ(bench.stats.value("gic.acknowledges"), 2.0);
    EXPECT_EQ(bench.stats.value("gic.eois"), 2.0);
}

// Each guest fault stops the run with its kind, the PC and (where there is one) the address.
struct FaultCase {
    uint32_t selector;
    const char* kind;
    const char* address;  // "" when the fault has none
};

void PrintTo(const FaultCase& c, std::ostream* os) { *os << c.kind; }

class ArmCpuFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(ArmCpuFault, StopsTheRunWithKindPcAndAddress) {
    const FaultCase c = GetParam();
    ArmBench bench(guest_elf("guest_faults"), c.selector);
    testing::internal::CaptureStderr();
    sc_core::sc_start();
    const std::string log = testing::internal::GetCapturedStderr();
    ASSERT_TRUE(bench.cpu->finished());
    EXPECT_EQ(bench.cpu->exit_status(), 128);
    const std::string& fault = bench.cpu->fault();
    EXPECT_EQ(fault.rfind(c.kind, 0), 0u) << fault;
    EXPECT_NE(fault.find(" at pc 0x"), std::string::npos) << fault;
    if (*c.address) {
        EXPECT_NE(fault.find(c.address), std::string::npos) << fault;
    }
    EXPECT_NE(log.find(fault), std::string::npos) << "the fault is logged: " << log;
}

INSTANTIATE_TEST_SUITE_P(Guest, ArmCpuFault,
                         ::testing::Values(FaultCase{1, "undefined instruction", ""},
                                           FaultCase{2, "data abort (bus error)", "address 0x50000010"},
                                           FaultCase{3, "prefetch abort", ""},
                                           FaultCase{4, "data abort (bus error)", "address 0x50000020"}),
                         [](const auto& info) { return "case_" + std::to_string(info.param.selector); });
