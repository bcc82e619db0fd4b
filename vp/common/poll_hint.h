// A hint a register can give with a read: "my value changes only when this event fires".
// A CPU model that sees software read the same value from such a register again and
// again (a polling loop) may wait for the event instead of simulating every read; the
// program then observes the change at most one loop iteration later than read by read.
// The CPU attaches the extension to its payload; registers without an event leave it.
#pragma once

#include <systemc>
#include <tlm>

namespace vp {

struct PollHintExtension : tlm::tlm_extension<PollHintExtension> {
    const sc_core::sc_event* change = nullptr;

    tlm::tlm_extension_base* clone() const override { return new PollHintExtension(*this); }
    void copy_from(const tlm::tlm_extension_base& other) override {
        change = static_cast<const PollHintExtension&>(other).change;
    }
};

}  // namespace vp
