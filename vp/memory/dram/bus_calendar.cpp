#include "vp/memory/dram/bus_calendar.h"

namespace vp {

Cycle BusCalendar::find_before_last_two(Cycle t, Cycle length) const {
    // Intervals are sorted and disjoint, so their ends are sorted too: skip those that
    // end by t with a binary search (the last two end after t).
    std::size_t lo = 0, hi = count_ - 2;
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

void BusCalendar::insert(Cycle start, Cycle end) {
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
        forget_oldest();
        if (i > 0) --i;
        if (start < floor_) start = floor_;  // cannot happen for a find() result
    }
    for (std::size_t j = count_; j > i; --j) at(j) = at(j - 1);
    at(i) = {start, end};
    ++count_;
}

}  // namespace vp
