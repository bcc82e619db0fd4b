// The outstanding-transaction limit keeps its slots in (completion, slot) order to find
// the one that frees first in O(1): it must pick exactly the slot a scan for the first
// earliest completion picks, also while transactions overlap (a target that waits
// inside b_transport), so the model's timing does not depend on the bookkeeping.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "vp/interconnect/outstanding_limiter.h"

namespace {

// The definition: the first slot with the earliest completion.
struct ScanLimiter {
    std::vector<vp::TimeUnits> slots;
    vp::TimeUnits acquire(vp::TimeUnits arrival, unsigned* slot) {
        unsigned best = 0;
        for (unsigned i = 1; i < slots.size(); ++i)
            if (slots[i] < slots[best]) best = i;
        *slot = best;
        const vp::TimeUnits start = slots[best] > arrival ? slots[best] : arrival;
        slots[best] = start;
        return start;
    }
    void release(unsigned slot, vp::TimeUnits completion) { slots[slot] = completion; }
};

TEST(OutstandingLimiter, WaitsExactlyWhenAllSlotsAreHeld) {
    vp::OutstandingLimiter l(2);
    unsigned a = 9, b = 9, c = 9;
    EXPECT_EQ(l.acquire(vp::TimeUnits{0}, &a), 0u);
    l.release(a, 100);
    EXPECT_EQ(l.acquire(vp::TimeUnits{0}, &b), 0u);  // the other slot: free
    l.release(b, 50);
    EXPECT_EQ(l.acquire(vp::TimeUnits{10}, &c), 50u);  // both busy: the one that frees first
    EXPECT_EQ(c, b);
    l.release(c, 200);
    vp::OutstandingLimiter unlimited;
    EXPECT_FALSE(unlimited.limited());
    EXPECT_EQ(unlimited.acquire(vp::TimeUnits{7}, &a), 7u);
}

TEST(OutstandingLimiter, PicksTheSameSlotsAsAScan) {
    std::mt19937_64 rng(11);
    for (unsigned limit : {1u, 2u, 3u, 8u, 32u}) {
        vp::OutstandingLimiter fast(limit);
        ScanLimiter scan{std::vector<vp::TimeUnits>(limit, 0)};
        vp::TimeUnits now = 0;
        std::vector<std::pair<unsigned, unsigned>> held;  // (fast slot, scan slot)
        for (int i = 0; i < 20000; ++i) {
            // Mostly one at a time; sometimes a second one while the first is held; ties
            // (equal completions) on purpose.
            const bool overlap = held.size() < 3 && rng() % 10 == 0;
            if (held.empty() || overlap) {
                now += rng() % 4 == 0 ? 0 : rng() % 50;
                unsigned fs = 0, ss = 0;
                ASSERT_EQ(fast.acquire(now, &fs), scan.acquire(now, &ss)) << "limit " << limit;
                ASSERT_EQ(fs, ss) << "limit " << limit << " step " << i;
                held.emplace_back(fs, ss);
                continue;
            }
            const size_t k = rng() % held.size();
            const vp::TimeUnits completion = now + (rng() % 3 == 0 ? 100 : rng() % 400);
            fast.release(held[k].first, completion);
            scan.release(held[k].second, completion);
            held.erase(held.begin() + static_cast<long>(k));
        }
    }
}

}  // namespace
