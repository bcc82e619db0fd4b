// Where an ACTIVATE may go: at least tRRD (tRRD_L in the same bank group) from every
// other ACT, and at most four ACTs in any tFAW. The recent ACTs are kept (not only the
// last), because bookings are not made in time order: an ACT for a later-timed
// transaction may land before one booked earlier. The last 16 ACTs are kept; an ACT
// is never placed within tFAW of a forgotten one.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "vp/memory/dram/dram_cycle.h"

namespace vp {

class ActivateWindow {
public:
    ActivateWindow(uint32_t trrd_s, uint32_t trrd_l, uint32_t tfaw)
        : trrd_s_(trrd_s), trrd_l_(trrd_l), tfaw_(tfaw), reach_(std::max({trrd_s, trrd_l, tfaw})),
          forget_reach_(std::max(tfaw, trrd_l)) {
        acts_.fill({kLongAgo, ~0u});
    }

    // The earliest cycle >= earliest where an ACT to `group` keeps every constraint.
    // The answer is `earliest` or where some constraint stops binding (an ACT + tRRD,
    // or an ACT + tFAW), so only those candidates are tried.
    Cycle find(Cycle earliest, unsigned group) const {
        earliest = std::max(earliest, floor_);
        // The common case (a stream opening rows far apart): past every kept ACT's reach.
        if (earliest >= latest_ + reach_) return earliest;
        // The next most common: only the latest ACT is within reach (a transfer opening its
        // second row right after its first). Fewer than four ACTs in any window, so tRRD to
        // that one ACT is the only constraint: before or after it by its gap.
        if (earliest >= second_latest_ + reach_) {
            const Cycle gap = latest_group_ == group ? trrd_l_ : trrd_s_;
            return earliest <= latest_ - gap || earliest >= latest_ + gap ? earliest : latest_ + gap;
        }
        return find_among_kept(earliest, group);
    }

    void record(Cycle t, unsigned group) {
        // The ACT forgotten now may still constrain times near it: nothing goes before it
        // + tFAW any more (conservative, and far behind the ACTs being placed).
        floor_ = std::max(floor_, acts_[next_].t + forget_reach_);
        acts_[next_] = {t, group};
        next_ = (next_ + 1) % kKept;
        if (t >= latest_) {
            second_latest_ = latest_;
            latest_ = t;
            latest_group_ = group;
        } else if (t > second_latest_) {
            second_latest_ = t;
        }
    }

private:
    static constexpr unsigned kKept = 16;
    static constexpr Cycle kNever = Cycle{1} << 62;

    struct Act {
        Cycle t;
        unsigned group;
    };
    struct Relevant {
        std::array<Act, kKept> acts;
        unsigned n = 0;
    };

    // find() when several kept ACTs are near `earliest` (out of line: rare, and large).
    Cycle find_among_kept(Cycle earliest, unsigned group) const;
    bool fits(const Relevant& relevant, Cycle t, unsigned group) const;

    std::array<Act, kKept> acts_;
    unsigned next_ = 0;
    Cycle floor_ = kLongAgo;
    // The latest and second-latest ACT times ever recorded (at least those of the kept
    // ones: a forgotten ACT only makes the shortcuts above rarer, never wrong).
    Cycle latest_ = kLongAgo, second_latest_ = kLongAgo;
    unsigned latest_group_ = ~0u;
    Cycle trrd_s_, trrd_l_, tfaw_;
    Cycle reach_;  // no ACT constrains a time this far after it
    Cycle forget_reach_;  // max(tFAW, tRRD_L): how far a forgotten ACT still reaches
};

}  // namespace vp
