// An outstanding-transaction limit (an initiator's issuing or a target's acceptance
// capability) as a ring of the completion times of the transactions holding a slot.
//
// A transaction arriving at `t` takes the slot that frees first: it starts at
// max(t, that slot's completion) (waiting exactly when all `limit` slots are held, i.e.
// it is the one that exceeds the limit), and holds the slot until its own completion.
// Exact under call order: every transaction not in the ring completed no later than the
// ring's earliest, because it was evicted as the earliest. No allocation after
// construction; O(limit) per transaction (limits are small: 8 to 32).
#pragma once

#include <vector>

#include <systemc>

namespace vp {

class OutstandingLimiter {
public:
    explicit OutstandingLimiter(unsigned limit = 0) : slots_(limit, sc_core::SC_ZERO_TIME) {}
    bool limited() const { return !slots_.empty(); }

    // Start time for a transaction arriving at `arrival`; *slot receives the slot to
    // release (unused when unlimited). The slot is held from now on.
    sc_core::sc_time acquire(const sc_core::sc_time& arrival, unsigned* slot) {
        if (slots_.empty()) return arrival;
        unsigned best = 0;
        for (unsigned i = 1; i < slots_.size(); ++i)
            if (slots_[i] < slots_[best]) best = i;
        *slot = best;
        const sc_core::sc_time start = slots_[best] > arrival ? slots_[best] : arrival;
        slots_[best] = start;  // held; the completion is known when the target answered
        return start;
    }
    void release(unsigned slot, const sc_core::sc_time& completion) {
        if (!slots_.empty()) slots_[slot] = completion;
    }

private:
    std::vector<sc_core::sc_time> slots_;
};

}  // namespace vp
