// One direction (read or write data) of one port as a shared resource, loosely timed:
// instead of a queue, the time until which it is booked, per arbitration rank.
//
// A transaction of rank r that could start at `earliest` starts when every booking of
// rank >= r has ended (higher ranks and earlier calls of its own rank go first); it then
// books [start, end). Bookings of lower ranks that reach past `start` are pushed back by
// the new booking's length: those transactions already returned their delays (LT cannot
// revise them), so the displaced time is charged to the next lower-ranked transactions.
// Bandwidth is conserved on average; a lower-ranked stream under a saturating higher one
// starves, as with a real fixed-priority arbiter. With one rank this is the classic
// busy-until resource (first come, first served, in call order).
// Approximation: a higher rank may start inside a lower one's burst (no
// non-preemption of the burst in flight): optimistic for the higher rank by at most one
// burst of the lower.
#pragma once

#include <array>

#include "vp/common/time_ps.h"
#include "vp/interconnect/arbitration_policy.h"

namespace vp {

class RankedChannel {
public:
    // Earliest start at or after `earliest` for rank r (does not book).
    TimeUnits start(unsigned rank, TimeUnits earliest) const {
        if (rank >= top_)  // the top rank (or above it): nobody else goes first
            return rank == top_ && end_[rank] > earliest ? end_[rank] : earliest;
        TimeUnits s = earliest;
        for (unsigned q = rank; q <= top_; ++q)
            if (end_[q] > s) s = end_[q];
        return s;
    }
    // Books [start, end) for rank r.
    void book(unsigned rank, TimeUnits start, TimeUnits end) {
        const TimeUnits length = end - start;
        for (unsigned q = 0; q < rank; ++q)
            if (end_[q] > start) end_[q] += length;
        if (end > end_[rank]) end_[rank] = end;
        if (rank > top_) top_ = rank;
    }

private:
    std::array<TimeUnits, kArbitrationRanks> end_{};  // booked until, per rank
    unsigned top_ = 0;  // highest rank booked so far (shortens the scan)
};

}  // namespace vp
