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
        // Intervals are sorted and disjoint, so their ends are sorted too: skip those
        // that end by t with a binary search (a stream is usually ready at the newest).
        std::size_t lo = 0, hi = count_;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (at(mid).end <= t) lo = mid + 1;
            else hi = mid;
        }
        for (std::size_t i = lo; i < count_; ++i) {
            if (at(i).start >= t + length) return t;
            t = at(i).end;
        }
        return t;
    }
    // Books [start, end); it must not overlap a booking (find() gave it).
    void book(Cycle start, Cycle end) {
        std::size_t i = count_;
        while (i > 0 && at(i - 1).start > start) --i;
        // Merge with a neighbour it touches: a stream stays one interval.
        if (i > 0 && at(i - 1).end == start) {
            at(i - 1).end = end;
            if (i < count_ && at(i).start == end) {
                at(i - 1).end = at(i).end;
                erase(i);
            }
            return;
        }
        if (i < count_ && at(i).start == end) {
            at(i).start = start;
            return;
        }
        if (count_ == kCapacity) {
            floor_ = at(0).end;  // forget the oldest; before it counts as busy
            head_ = (head_ + 1) % kCapacity;
            --count_;
            if (i > 0) --i;
            if (start < floor_) start = floor_;  // cannot happen for a find() result
        }
        for (std::size_t j = count_; j > i; --j) at(j) = at(j - 1);
        at(i) = {start, end};
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
    std::array<Interval, kCapacity> slots_{};
    std::size_t head_ = 0, count_ = 0;
    Cycle floor_ = kLongAgo;
};

}  // namespace vp
