// The Cortex-A9 MPCore global timer (ARM DDI 0407 section 4.4; on the Zynq-7000 at the SCU
// block + 0x200): a 64-bit up-counter shared by the cores, clocked by the peripheral clock
// (CPU clock / 2), with a comparator and an auto-increment register.
//
//   socket   target; addresses are offsets from the timer's base (the platform's)
//   irq      the timer's private interrupt (PPI, ID 27 on the GIC): event flag && IRQ_EN
//
// The counter is not ticked: it is computed from simulated time. While enabled,
//   count(t) = count(t0) + floor((t - t0) x clock_hz / (PRESCALER + 1))
// exactly (integer arithmetic on the time resolution), where t0 is the time of the last
// enable, prescaler change or counter write, and t is the access's time (sc_time_stamp()
// + its annotated delay), so a CPU running ahead of SystemC time reads what it would on
// the board. A disabled timer holds its count; the counter can be written only then (as
// the TRM requires; a write while enabled is ignored with a warning).
//
// Simplifications (and their limits):
// - The comparator, its event flag and auto-increment are evaluated when the bus looks
//   (on every access), not by a scheduled event: the irq output changes only at accesses,
//   so software that waits for the timer interrupt without polling (WFI) would not wake.
// - Changing the prescaler or re-enabling restarts the fraction of a count in progress
//   (an error below one count per control write).
// - Accesses take no time of their own: the interconnect's hop latency applies.
#pragma once

#include <cstdint>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "vp/common/irq_line.h"
#include "vp/common/register_bank.h"

namespace vp {
class Stats;
class ConfigSchema;
class Config;
}  // namespace vp

namespace zynq {

struct A9GlobalTimerParams {
    uint64_t clock_hz = 333333333;  // peripheral clock: a 667 MHz CPU / 2

    // Key timer.clock_hz.
    static void declare(vp::ConfigSchema& schema);
    static A9GlobalTimerParams from_config(const vp::Config& config);
};

class A9GlobalTimer : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<A9GlobalTimer> socket;
    vp::IrqLine irq;

    A9GlobalTimer(sc_core::sc_module_name name, const A9GlobalTimerParams& params, vp::Stats& stats);

    // The counter's value at simulated time t (t at or after the last control change).
    uint64_t counter_at(const sc_core::sc_time& t) const;

    // Registers, for inspection by tests and the platform.
    vp::RegisterBank bank;
    vp::Register counter_lo, counter_hi, control, isr, comp_lo, comp_hi, autoinc;

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void bind_callbacks();
    void write_counter(bool high, uint32_t value);
    void write_control(uint32_t value);
    void anchor_count(uint64_t count);  // the count becomes `count` at now_
    void evaluate_comparator();
    bool enabled() const;
    uint32_t prescaler() const;

    uint64_t clock_hz_;
    uint64_t units_per_s_;           // SystemC time resolution units per second
    sc_core::sc_time now_;           // time of the access being served
    uint64_t anchor_count_ = 0;      // count at anchor_time_
    sc_core::sc_time anchor_time_;

    uint64_t counter_reads_ = 0;
    uint64_t counter_write_errors_ = 0;
};

}  // namespace zynq
