// BusCalendar (inline common cases, binary search and insertion out of line) against
// its rules written plainly: a vector of busy intervals, searched from the start, the
// oldest forgotten beyond 32 (everything before its end then counts as busy).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "vp/memory/dram/bus_calendar.h"

namespace {

class ReferenceCalendar {
public:
    vp::Cycle find(vp::Cycle ready, vp::Cycle length) const {
        vp::Cycle t = std::max(ready, floor_);
        for (const Interval& i : intervals_) {
            if (i.end <= t) continue;
            if (i.start >= t + length) return t;
            t = i.end;
        }
        return t;
    }
    void book(vp::Cycle start, vp::Cycle end) {
        std::size_t i = intervals_.size();
        while (i > 0 && intervals_[i - 1].start > start) --i;
        if (i > 0 && intervals_[i - 1].end == start) {  // merge with the one before
            intervals_[i - 1].end = end;
            if (i < intervals_.size() && intervals_[i].start == end) {
                intervals_[i - 1].end = intervals_[i].end;
                intervals_.erase(intervals_.begin() + static_cast<long>(i));
            }
            return;
        }
        if (i < intervals_.size() && intervals_[i].start == end) {  // with the one after
            intervals_[i].start = start;
            return;
        }
        if (intervals_.size() == 32) {
            floor_ = intervals_.front().end;
            intervals_.erase(intervals_.begin());
            if (i > 0) --i;
            start = std::max(start, floor_);
        }
        intervals_.insert(intervals_.begin() + static_cast<long>(i), {start, end});
    }
    vp::Cycle last_end() const { return intervals_.empty() ? floor_ : intervals_.back().end; }

private:
    struct Interval {
        vp::Cycle start, end;
    };
    std::vector<Interval> intervals_;
    vp::Cycle floor_ = vp::kLongAgo;
};

// Bookings as the DRAM model makes them (where find() put them), ready near the end of
// the bookings (a stream), a little before it, or far before it (an idle bank's run
// going into an old gap), with lengths from one burst to a row.
TEST(BusCalendar, FindsAndBooksAsTheReference) {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        vp::BusCalendar calendar;
        ReferenceCalendar reference;
        std::mt19937_64 rng(seed);
        unsigned mismatches = 0;
        for (int i = 0; i < 20000; ++i) {
            const vp::Cycle end = reference.last_end() < 0 ? 0 : reference.last_end();
            vp::Cycle ready;
            switch (rng() % 5) {
            case 0: ready = end + static_cast<vp::Cycle>(rng() % 50); break;
            case 1: ready = end - static_cast<vp::Cycle>(rng() % 20); break;
            case 2: ready = end - static_cast<vp::Cycle>(rng() % 600); break;
            case 3: ready = end - static_cast<vp::Cycle>(rng() % 5000); break;
            default: ready = end; break;
            }
            const vp::Cycle length = 4 * (1 + static_cast<vp::Cycle>(rng() % (rng() % 2 ? 4 : 128)));
            const vp::Cycle at = reference.find(ready, length);
            mismatches += calendar.find(ready, length) != at;
            mismatches += calendar.last_end() != reference.last_end();
            if (rng() % 8 == 0) continue;  // asked but not booked
            calendar.book(at, at + length);
            reference.book(at, at + length);
        }
        EXPECT_EQ(mismatches, 0u) << "seed " << seed;
    }
}

}  // namespace
