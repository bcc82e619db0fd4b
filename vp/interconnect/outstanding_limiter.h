// An outstanding-transaction limit (an initiator's issuing or a target's acceptance
// capability) as a ring of the completion times of the transactions holding a slot.
//
// A transaction arriving at `t` takes the slot that frees first: it starts at
// max(t, that slot's completion) (waiting exactly when all `limit` slots are held, i.e.
// it is the one that exceeds the limit), and holds the slot until its own completion.
// Exact under call order: every transaction not in the ring completed no later than the
// ring's earliest, because it was evicted as the earliest. Of slots that free at the same
// time, the lowest-numbered one is taken. No allocation after construction.
//
// Cost: the slots are also kept in order of (completion, slot number), so the slot that
// frees first is the front and a released slot goes back in its place, usually the back
// (completions mostly come in order): O(1) per transaction. While one transaction holds a
// slot another one acquires (a target that waits inside b_transport, re-entry), the order
// is not kept: O(limit) scans until no slot is held, then one re-sort.
#pragma once

#include <vector>

#include <systemc>

#include "vp/common/time_ps.h"

namespace vp {

class OutstandingLimiter {
public:
    explicit OutstandingLimiter(unsigned limit = 0) : slots_(limit, 0), order_(limit), n_(limit) {
        for (unsigned i = 0; i < limit; ++i) order_[i] = i;
    }
    bool limited() const { return n_ != 0; }

    // Start time for a transaction arriving at `arrival`; *slot receives the slot to
    // release (unused when unlimited). The slot is held from now on.
    // always_inline: inside the interconnect's transport (see TimeSeries::add).
    __attribute__((always_inline)) TimeUnits acquire(TimeUnits arrival, unsigned* slot) {
        if (n_ == 0) return arrival;
        const unsigned best = held_ == 0 && ordered_ ? order_[head_] : scan();
        ++held_;
        *slot = best;
        TimeUnits& s = slots_[best];
        if (s < arrival) s = arrival;  // held; its completion is known at release
        return s;
    }
    __attribute__((always_inline)) void release(unsigned slot, TimeUnits completion) {
        if (n_ == 0) return;
        slots_[slot] = completion;
        --held_;
        if (!ordered_ || slot != order_[head_]) return unordered_release();
        // The front (this slot) becomes the back: in place if it completes last.
        const unsigned back = head_;
        head_ = head_ + 1 == n_ ? 0 : head_ + 1;
        const unsigned before = order_[back == 0 ? n_ - 1 : back - 1];
        if (n_ > 1 && !precedes(before, slot)) move_forward(back, slot);
    }
    // The same in sc_time (the trace player's).
    sc_core::sc_time acquire(const sc_core::sc_time& arrival, unsigned* slot) {
        return sc_core::sc_time::from_value(acquire(arrival.value(), slot));
    }
    void release(unsigned slot, const sc_core::sc_time& completion) {
        release(slot, completion.value());
    }

private:
    // (completion, slot number) order.
    bool precedes(unsigned a, unsigned b) const {
        return slots_[a] < slots_[b] || (slots_[a] == slots_[b] && a < b);
    }
    unsigned scan();                            // the first slot with the earliest completion
    void unordered_release();
    void move_forward(unsigned pos, unsigned slot);  // from ring position pos to its place

    std::vector<TimeUnits> slots_;  // completion per slot (its start while it is held)
    std::vector<unsigned> order_;   // the slots by (completion, slot), circular from head_
    unsigned n_;                    // the limit (0: unlimited)
    unsigned head_ = 0;
    unsigned held_ = 0;             // slots acquired and not yet released
    bool ordered_ = true;           // order_ is valid (see above)
};

}  // namespace vp
