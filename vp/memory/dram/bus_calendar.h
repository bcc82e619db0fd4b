// When a shared resource (the DRAM data bus) is booked: a short list of busy intervals,
// so a transaction that is timed later but is ready earlier can use a gap before
// bookings already made (a later read to an idle bank goes ahead of one waiting for its
// busy bank, as an FR-FCFS controller would let it). Fixed capacity, no allocation: the
// oldest interval is forgotten and everything before its end counts as busy, which is
// conservative.
#pragma once

#include <array>
#include <cstddef>

#include "vp/memory/dram/dram_cycle.h"

namespace vp {

class BusCalendar {
public:
    // The earliest start >= ready of a free stretch of `length` cycles.
    Cycle find(Cycle ready, Cycle length) const {
        Cycle t = ready > floor_ ? ready : floor_;
        for (std::size_t i = 0; i < count_; ++i) {
            if (slots_[i].end <= t) continue;
            if (slots_[i].start >= t + length) return t;
            t = slots_[i].end;
        }
        return t;
    }
    // Books [start, end); it must not overlap a booking (find() gave it).
    void book(Cycle start, Cycle end) {
        std::size_t i = count_;
        while (i > 0 && slots_[i - 1].start > start) --i;
        // Merge with a neighbour it touches: a stream stays one interval.
        if (i > 0 && slots_[i - 1].end == start) {
            slots_[i - 1].end = end;
            if (i < count_ && slots_[i].start == end) {
                slots_[i - 1].end = slots_[i].end;
                erase(i);
            }
            return;
        }
        if (i < count_ && slots_[i].start == end) {
            slots_[i].start = start;
            return;
        }
        if (count_ == slots_.size()) {
            floor_ = slots_[0].end;  // forget the oldest; before it counts as busy
            erase(0);
            if (i > 0) --i;
            if (start < floor_) start = floor_;  // cannot happen for a find() result
        }
        for (std::size_t j = count_; j > i; --j) slots_[j] = slots_[j - 1];
        slots_[i] = {start, end};
        ++count_;
    }
    Cycle last_end() const { return count_ ? slots_[count_ - 1].end : floor_; }

private:
    struct Interval {
        Cycle start, end;
    };
    void erase(std::size_t i) {
        for (std::size_t j = i + 1; j < count_; ++j) slots_[j - 1] = slots_[j];
        --count_;
    }
    std::array<Interval, 32> slots_{};
    std::size_t count_ = 0;
    Cycle floor_ = kLongAgo;
};

}  // namespace vp
