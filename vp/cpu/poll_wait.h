// Waiting out a polling loop instead of simulating every read (cpu.poll_skip), shared by
// the native CPU and the ARM ISS: the CPU sleeps until the register's change event, then
// the loop's next read falls on the loop's own grid of iterations from the start of the
// sleep, and never before the CPU's own (decoupled) time.
#pragma once

#include <systemc>

namespace vp {

struct PollWake {
    double periods;    // loop iterations the sleep stood for (the reads skipped)
    double woke_ps;    // when the change event came, from the start of the sleep
    double resume_ps;  // when the read that sees the change happens, from the start
};

// Call from the CPU's SC_THREAD right after the read that still saw the old value, with
// no time passing in between (a change in between would be missed). period_ps: one loop
// iteration; due_ps: the CPU's local time ahead of SystemC time. The sleep ends after
// 100000 periods at the latest (a stuck device): the loop then goes on polling, as it would.
PollWake wait_for_poll_change(const sc_core::sc_event& change, double period_ps, double due_ps);

}  // namespace vp
