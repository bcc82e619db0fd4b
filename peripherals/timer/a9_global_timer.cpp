#include "peripherals/timer/a9_global_timer.h"

#include "software/include/hw/a9_global_timer_regs.h"
#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/stats/stats.h"

namespace zynq {

using sc_core::sc_time;

// ------------------------------------------------------------------------- parameters

void A9GlobalTimerParams::declare(vp::ConfigSchema& s) {
    s.add_uint("timer.clock_hz", 333333333, "Hz",
               "A9 global timer clock: the peripheral clock, CPU clock / 2 (333 MHz for a 667 MHz CPU)",
               1e3, 1e10);
}

A9GlobalTimerParams A9GlobalTimerParams::from_config(const vp::Config& c) {
    A9GlobalTimerParams p;
    p.clock_hz = c.get_uint("timer.clock_hz");
    return p;
}

// ----------------------------------------------------------------------------- module

A9GlobalTimer::A9GlobalTimer(sc_core::sc_module_name name, const A9GlobalTimerParams& params,
                             vp::Stats& stats)
    : sc_module(name),
      socket("socket"),
      bank(basename(), A9_GTIMER_SPAN_BYTES - 1, /*unmapped_is_error=*/false),
      counter_lo(bank, "COUNTER_LO", A9_GTIMER_COUNTER_LOW, 0),
      counter_hi(bank, "COUNTER_HI", A9_GTIMER_COUNTER_HIGH, 0),
      control(bank, "CONTROL", A9_GTIMER_CONTROL, 0),
      isr(bank, "ISR", A9_GTIMER_ISR, 0),
      comp_lo(bank, "COMP_LO", A9_GTIMER_COMPARATOR_LOW, 0),
      comp_hi(bank, "COMP_HI", A9_GTIMER_COMPARATOR_HIGH, 0),
      autoinc(bank, "AUTOINC", A9_GTIMER_AUTO_INCREMENT, 0),
      clock_hz_(params.clock_hz),
      units_per_s_(static_cast<uint64_t>(1.0 / sc_core::sc_get_time_resolution().to_seconds() + 0.5)) {
    socket.register_b_transport(this, &A9GlobalTimer::b_transport);
    bind_callbacks();
    const std::string n = basename();
    stats.add_counter(n + ".counter_reads", &counter_reads_, "reads",
                      "reads of the counter registers (a polling delay loop shows here)");
    stats.add_counter(n + ".counter_write_errors", &counter_write_errors_, "writes",
                      "counter writes ignored because the timer was enabled");
}

void A9GlobalTimer::bind_callbacks() {
    counter_lo.on_read([this] { ++counter_reads_; return static_cast<uint32_t>(counter_at(now_)); });
    counter_hi.on_read([this] { ++counter_reads_; return static_cast<uint32_t>(counter_at(now_) >> 32); });
    counter_lo.on_write([this](uint32_t v) { write_counter(false, v); });
    counter_hi.on_write([this](uint32_t v) { write_counter(true, v); });
    control.on_write([this](uint32_t v) { write_control(v); });
    isr.on_write([this](uint32_t v) { isr.set(isr.value() & ~(v & A9_GTIMER_ISR_EVENT)); });  // W1C
    // Comparator and auto-increment are plain storage; a new comparator is checked at once.
}

// ------------------------------------------------------------------------ bus target

void A9GlobalTimer::b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
    now_ = sc_core::sc_time_stamp() + delay;
    evaluate_comparator();  // what the event flag would show by now
    bank.transport(trans);
    evaluate_comparator();  // the access may have moved the comparator or enabled it
    irq.set((isr.value() & A9_GTIMER_ISR_EVENT) && (control.value() & A9_GTIMER_CONTROL_IRQ_ENABLE));
}

// --------------------------------------------------------------------------- counter

bool A9GlobalTimer::enabled() const { return control.value() & A9_GTIMER_CONTROL_ENABLE; }

uint32_t A9GlobalTimer::prescaler() const {
    return (control.value() & A9_GTIMER_CONTROL_PRESCALER_MASK) >> A9_GTIMER_CONTROL_PRESCALER_SHIFT;
}

uint64_t A9GlobalTimer::counter_at(const sc_time& t) const {
    if (!enabled() || t <= anchor_time_) return anchor_count_;
    // floor(elapsed_units x f / (units_per_s x (P + 1))), exact in 128 bits.
    const unsigned __int128 elapsed = (t - anchor_time_).value();
    const unsigned __int128 counts =
        elapsed * clock_hz_ / (static_cast<unsigned __int128>(units_per_s_) * (prescaler() + 1));
    return anchor_count_ + static_cast<uint64_t>(counts);
}

void A9GlobalTimer::anchor_count(uint64_t count) {
    anchor_count_ = count;
    anchor_time_ = now_;
}

void A9GlobalTimer::write_counter(bool high, uint32_t value) {
    if (enabled()) {
        ++counter_write_errors_;
        vp::log_warning(basename(), std::string("write to COUNTER_") + (high ? "HI" : "LO") +
                                        " while the timer is enabled is ignored: clear CONTROL."
                                        "TIMER_EN first (Cortex-A9 MPCore TRM 4.4)");
        return;
    }
    const uint64_t c = anchor_count_;
    anchor_count(high ? (c & 0xFFFFFFFFull) | (uint64_t{value} << 32)
                      : (c & ~0xFFFFFFFFull) | value);
}

void A9GlobalTimer::write_control(uint32_t value) {
    value &= A9_GTIMER_CONTROL_MASK;
    const uint32_t timing_bits = A9_GTIMER_CONTROL_ENABLE | A9_GTIMER_CONTROL_PRESCALER_MASK;
    // Fold the count so far into the anchor before the rate or run state changes.
    if ((value ^ control.value()) & timing_bits) anchor_count(counter_at(now_));
    control.set(value);
}

void A9GlobalTimer::evaluate_comparator() {
    if (!(control.value() & A9_GTIMER_CONTROL_COMP_ENABLE)) return;
    const uint64_t comparator = (uint64_t{comp_hi.value()} << 32) | comp_lo.value();
    const uint64_t count = counter_at(now_);
    if (count < comparator) return;
    isr.set(isr.value() | A9_GTIMER_ISR_EVENT);
    // Each match advances the comparator by the increment; catch up with every match
    // that happened since the last look.
    const uint64_t increment = autoinc.value();
    if ((control.value() & A9_GTIMER_CONTROL_AUTO_INCREMENT) && increment != 0) {
        const uint64_t next = comparator + ((count - comparator) / increment + 1) * increment;
        comp_lo.set(static_cast<uint32_t>(next));
        comp_hi.set(static_cast<uint32_t>(next >> 32));
    }
}

}  // namespace zynq
