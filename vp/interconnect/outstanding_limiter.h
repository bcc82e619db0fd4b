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
// frees first is the front and a released slot is put back in its place, usually at the
// back (completions mostly come in order): O(1) per transaction. While one transaction
// holds a slot another one acquires (a target that waits inside b_transport, re-entry),
// the order is not kept: O(limit) scans until no slot is held, then one re-sort.
#pragma once

#include <algorithm>
#include <vector>

#include <systemc>

#include "vp/common/time_ps.h"

namespace vp {

class OutstandingLimiter {
public:
    explicit OutstandingLimiter(unsigned limit = 0) : slots_(limit, 0), order_(limit) {
        for (unsigned i = 0; i < limit; ++i) order_[i] = i;
    }
    bool limited() const { return !slots_.empty(); }

    // Start time for a transaction arriving at `arrival`; *slot receives the slot to
    // release (unused when unlimited). The slot is held from now on.
    TimeUnits acquire(TimeUnits arrival, unsigned* slot) {
        if (slots_.empty()) return arrival;
        unsigned best;
        if (held_ == 0 && ordered_) {
            best = order_[head_];
        } else {
            ordered_ = false;
            best = first_earliest();
        }
        ++held_;
        *slot = best;
        const TimeUnits start = slots_[best] > arrival ? slots_[best] : arrival;
        slots_[best] = start;  // held; the completion is known when the target answered
        return start;
    }
    void release(unsigned slot, TimeUnits completion) {
        if (slots_.empty()) return;
        slots_[slot] = completion;
        --held_;
        if (ordered_ && slot == order_[head_]) {
            reinsert_front(completion);
        } else {
            ordered_ = false;
            if (held_ == 0) reorder();
        }
    }
    // The same in sc_time (the trace player's).
    sc_core::sc_time acquire(const sc_core::sc_time& arrival, unsigned* slot) {
        return sc_core::sc_time::from_value(acquire(arrival.value(), slot));
    }
    void release(unsigned slot, const sc_core::sc_time& completion) {
        release(slot, completion.value());
    }

private:
    // (completion, slot) order: earlier first, then the lower slot.
    bool before(unsigned a, unsigned b) const {
        return slots_[a] < slots_[b] || (slots_[a] == slots_[b] && a < b);
    }
    unsigned first_earliest() const {
        unsigned best = 0;
        for (unsigned i = 1; i < slots_.size(); ++i)
            if (slots_[i] < slots_[best]) best = i;
        return best;
    }
    // The front slot (the one just held and released) moves to its place from the back.
    void reinsert_front(TimeUnits completion) {
        const unsigned n = static_cast<unsigned>(order_.size());
        const unsigned slot = order_[head_];
        head_ = head_ + 1 == n ? 0 : head_ + 1;  // the old front is now the back
        unsigned pos = head_ == 0 ? n - 1 : head_ - 1;
        for (unsigned k = 1; k < n; ++k) {  // at most past every other slot
            const unsigned prev = pos == 0 ? n - 1 : pos - 1;
            const unsigned other = order_[prev];
            if (!(slots_[other] > completion || (slots_[other] == completion && other > slot))) break;
            order_[pos] = other;
            pos = prev;
        }
        order_[pos] = slot;
    }
    void reorder() {
        std::sort(order_.begin(), order_.end(), [this](unsigned a, unsigned b) { return before(a, b); });
        head_ = 0;
        ordered_ = true;
    }

    std::vector<TimeUnits> slots_;  // completion per slot (its start while it is held)
    std::vector<unsigned> order_;   // the slots by (completion, slot), circular from head_
    unsigned head_ = 0;
    unsigned held_ = 0;             // slots acquired and not yet released
    bool ordered_ = true;           // order_ is valid (see above)
};

}  // namespace vp
