// Waiting out a polling loop instead of simulating every read (cpu.poll_skip), shared by
// the native CPU and the ARM ISS: the CPU sleeps until the register's change event, then
// the loop's next read falls on the loop's own grid of iterations from the start of the
// sleep, and never before the CPU's own (decoupled) time.
#pragma once

#include <cstdint>
#include <string>

#include <systemc>

namespace vp {

struct PollWake {
    double periods;      // loop iterations the sleep stood for (the reads skipped)
    double woke_ps;      // when the change event came, from the start of the sleep
    double resume_ps;    // when the read that sees the change happens, from the start
    bool platform_idle;  // nothing else was pending when the sleep began (no event can fire)

    // The loop's reads the sleep stood for, owed to it when the read after the sleep still
    // saw the old value (a stuck device): they return that value at once, with no time.
    uint64_t owed_reads(bool changed) const {
        return !changed && periods > 1 ? static_cast<uint64_t>(periods) - 1 : 0;
    }
};

// Call from the CPU's SC_THREAD right after the read that still saw the old value, with
// no time passing in between (a change in between would be missed). period_ps: one loop
// iteration; due_ps: the CPU's local time ahead of SystemC time. The sleep ends after
// 100000 periods at the latest (a stuck device): the loop then goes on polling, as it would.
// Records whether the rest of the platform had anything pending when the sleep began.
PollWake wait_for_poll_change(const sc_core::sc_event& change, double period_ps, double due_ps);

// A polling loop nothing can end any more: when its wait began, no process had anything
// pending (so no event can fire again), and the read after it still saw the old value.
// Such waits' simulated time adds up per register and value (cpu.poll_hang_s); any
// change, or pending activity, starts the count again. A loop bounded by a poll count
// times out long before (the driver's DMA budget: 7.4 s); an unbounded one is a hang.
class PollHangWatch {
public:
    explicit PollHangWatch(double limit_s) : limit_ps_(limit_s * 1e12) {}
    // Call after the read that follows the wait; true when the loop counts as hung.
    bool hung_after(uint64_t address, uint64_t value, bool changed, const PollWake& wake);
    // The fault message (the CPU adds where it stopped).
    std::string describe() const;

private:
    double limit_ps_;
    uint64_t address_ = ~uint64_t{0}, value_ = 0;
    double stuck_ps_ = 0;
};

}  // namespace vp
