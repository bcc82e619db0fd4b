// RefreshWindow (a policy's answers cached over the stretch between refresh starts)
// against the policy itself, for all-bank refresh and for none: times that creep
// forward, jump, go back, land on and around refresh starts and ends.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "vp/memory/dram/refresh_policy.h"

namespace {

constexpr vp::Cycle kInterval = 4160, kBlocked = 146;  // DDR3L-1066: tREFI, tRP + tRFC

std::vector<vp::Cycle> probe_times() {
    std::vector<vp::Cycle> times;
    for (vp::Cycle t = -5; t < 3 * kInterval + 5; ++t) times.push_back(t);  // every cycle
    for (vp::Cycle t = 3 * kInterval + 5; t > -5; --t) times.push_back(t);  // and backwards
    std::mt19937_64 rng(7);
    vp::Cycle t = 0;
    for (int i = 0; i < 200000; ++i) {
        switch (rng() % 6) {
        case 0: t += static_cast<vp::Cycle>(rng() % 8); break;
        case 1: t += static_cast<vp::Cycle>(rng() % 3000); break;
        case 2: t -= static_cast<vp::Cycle>(rng() % 3000); break;
        case 3: t = static_cast<vp::Cycle>(rng() % 1000000) * kInterval + static_cast<vp::Cycle>(rng() % 3) - 1; break;
        case 4: t = static_cast<vp::Cycle>(rng() % 1000000) * kInterval + kBlocked + static_cast<vp::Cycle>(rng() % 3) - 1; break;
        default: t = vp::kLongAgo + static_cast<vp::Cycle>(rng() % 100); break;
        }
        times.push_back(t);
    }
    return times;
}

void expect_same_answers(const vp::RefreshPolicy& policy) {
    vp::RefreshWindow window(policy);
    std::mt19937_64 rng(3);
    unsigned mismatches = 0;
    for (vp::Cycle t : probe_times()) {
        // One question at a time, in a random order: each may move the window.
        switch (rng() % 3) {
        case 0: mismatches += window.admit(t) != policy.admit(t); break;
        case 1: mismatches += window.refreshes_by(t) != policy.refreshes_by(t); break;
        default: {
            const vp::RefreshWindow::Stretch s = window.stretch_at(t);
            mismatches += s.refreshes != policy.refreshes_by(t) || s.next_start != policy.next_start_after(t);
        }
        }
    }
    EXPECT_EQ(mismatches, 0u);
}

TEST(RefreshWindow, AnswersAsAllBankRefresh) { expect_same_answers(vp::AllBankRefresh(kInterval, kBlocked)); }

TEST(RefreshWindow, AnswersAsNoRefresh) { expect_same_answers(vp::NoRefresh()); }

// What the DRAM model relies on when it reuses a stretch for a later time (a run's CAS
// after its earliest CAS): both answers hold from t up to the next start.
TEST(RefreshWindow, AStretchHoldsUpToTheNextStart) {
    const vp::AllBankRefresh policy(kInterval, kBlocked);
    vp::RefreshWindow window(policy);
    std::mt19937_64 rng(11);
    unsigned mismatches = 0;
    for (int i = 0; i < 100000; ++i) {
        const vp::Cycle t = static_cast<vp::Cycle>(rng() % 100000000);
        const vp::RefreshWindow::Stretch s = window.stretch_at(t);
        const vp::Cycle later = t + static_cast<vp::Cycle>(rng() % static_cast<uint64_t>(s.next_start - t));
        mismatches += policy.refreshes_by(later) != s.refreshes || policy.next_start_after(later) != s.next_start;
    }
    EXPECT_EQ(mismatches, 0u);
}

}  // namespace
