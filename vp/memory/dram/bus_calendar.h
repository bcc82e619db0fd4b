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
        const Cycle t = ready > floor_ ? ready : floor_;
        if (count_ == 0) return t;
        const Interval& last = at(count_ - 1);
        if (t >= last.end) return t;  // after every booking (a stream that keeps up)
        // Ready during the last booking and after the one before (a stream that does
        // not quite keep up): before the last if the stretch fits, else after it.
        if (count_ == 1 || at(count_ - 2).end <= t) return last.start >= t + length ? t : last.end;
        return find_before_last_two(t, length);
    }
    // Books [start, end); it must not overlap a booking (find() gave it).
    void book(Cycle start, Cycle end) {
        if (count_ != 0 && at(count_ - 1).start > start) {
            insert(start, end);
            return;
        }
        // After every booking (the common case): merge with the last or append.
        if (count_ != 0 && at(count_ - 1).end == start) {
            at(count_ - 1).end = end;
            return;
        }
        if (count_ == kCapacity) {
            forget_oldest();
            if (start < floor_) start = floor_;  // cannot happen for a find() result
        }
        at(count_) = {start, end};
        ++count_;
    }
    Cycle last_end() const { return count_ ? at(count_ - 1).end : floor_; }

private:
    struct Interval {
        Cycle start, end;
    };
    static constexpr std::size_t kCapacity = 32;  // a power of two: cheap wrap-around
    // The i-th interval in time order (a ring: forgetting the oldest moves nothing).
    Interval& at(std::size_t i) { return slots_[(head_ + i) % kCapacity]; }
    const Interval& at(std::size_t i) const { return slots_[(head_ + i) % kCapacity]; }
    void erase(std::size_t i) {
        for (std::size_t j = i + 1; j < count_; ++j) at(j - 1) = at(j);
        --count_;
    }
    void forget_oldest() {
        floor_ = at(0).end;  // before it counts as busy
        head_ = (head_ + 1) % kCapacity;
        --count_;
    }
    // The rare cases, out of line: find() when t is before the last two bookings'
    // ends, book() before the last booking.
    Cycle find_before_last_two(Cycle t, Cycle length) const;
    void insert(Cycle start, Cycle end);
    std::array<Interval, kCapacity> slots_{};
    std::size_t head_ = 0, count_ = 0;
    Cycle floor_ = kLongAgo;
};

}  // namespace vp
