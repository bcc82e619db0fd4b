#include "vp/memory/dram/activate_window.h"

namespace vp {

Cycle ActivateWindow::find_among_kept(Cycle earliest, unsigned group) const {
    // Only ACTs that reach past `earliest` can constrain an answer >= earliest.
    Relevant near;
    for (const Act& a : acts_)
        if (a.t + reach_ > earliest) near.acts[near.n++] = a;
    if (fits(near, earliest, group)) return earliest;
    // Try the candidates in time order: usually the first one fits.
    std::array<Cycle, 3 * kKept> candidates;  // the first n are used
    unsigned n = 0;
    for (unsigned i = 0; i < near.n; ++i)
        for (Cycle c : {near.acts[i].t + trrd_s_, near.acts[i].t + trrd_l_, near.acts[i].t + tfaw_})
            if (c > earliest) candidates[n++] = c;
    std::sort(candidates.begin(), candidates.begin() + n);
    for (unsigned i = 0; i < n; ++i)
        if (fits(near, candidates[i], group)) return candidates[i];
    return kNever;  // unreachable: past every kept ACT + tFAW everything fits
}

bool ActivateWindow::fits(const Relevant& relevant, Cycle t, unsigned group) const {
    // tRRD to every ACT, on both sides.
    for (unsigned i = 0; i < relevant.n; ++i) {
        const Act& a = relevant.acts[i];
        const Cycle gap = a.group == group ? trrd_l_ : trrd_s_;
        if (t > a.t - gap && t < a.t + gap) return false;
    }
    // tFAW: with t added, no five ACTs within any tFAW. Collect the ACTs within tFAW
    // of t, sorted, with t among them; every five consecutive must span >= tFAW.
    std::array<Cycle, kKept + 1> near;  // the first n are used
    unsigned n = 0;
    for (unsigned i = 0; i < relevant.n; ++i)
        if (relevant.acts[i].t > t - tfaw_ && relevant.acts[i].t < t + tfaw_) near[n++] = relevant.acts[i].t;
    if (n < 4) return true;
    near[n++] = t;
    std::sort(near.begin(), near.begin() + n);
    for (unsigned i = 0; i + 4 < n; ++i)
        if (near[i + 4] - near[i] < tfaw_ && near[i] <= t && t <= near[i + 4]) return false;
    return true;
}

}  // namespace vp
