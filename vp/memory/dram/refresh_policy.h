// When the device is unavailable because of refresh.
//
// AllBankRefresh: refresh k (k = 1, 2, ...) starts at k * tREFI with a precharge-all
// (tRP) followed by REFRESH (tRFC); nothing else may be issued in
// [k * tREFI, k * tREFI + tRP + tRFC), and every bank is closed afterwards. Fixed slots
// rather than "whenever the controller finds a gap": deterministic, independent of
// traffic, and the cost over a long run is (tRP + tRFC) / tREFI plus the reopening of
// rows, which is what a real controller pays when it cannot postpone. (JEDEC allows
// postponing up to 8 refreshes; a controller that does so hides some refreshes in idle
// time, which this model does not.)
#pragma once

#include <cstdint>

#include "vp/memory/dram/dram_cycle.h"

namespace vp {

class RefreshPolicy {
public:
    virtual ~RefreshPolicy() = default;
    // The earliest cycle >= t at which a command may be issued.
    virtual Cycle admit(Cycle t) const = 0;
    // How many refreshes have started at or before t.
    virtual uint64_t refreshes_by(Cycle t) const = 0;
    // The first refresh start strictly after t (a far future when there is none).
    virtual Cycle next_start_after(Cycle t) const = 0;
    // When refresh number k (k >= 1) releases the device.
    virtual Cycle end_of(uint64_t k) const = 0;
};

class AllBankRefresh final : public RefreshPolicy {
public:
    AllBankRefresh(uint64_t trefi_cycles, uint64_t blocked_cycles)
        : interval_(static_cast<Cycle>(trefi_cycles)), blocked_(static_cast<Cycle>(blocked_cycles)) {}
    Cycle admit(Cycle t) const override {
        if (t < interval_) return t;
        const Cycle start = t / interval_ * interval_;
        return t < start + blocked_ ? start + blocked_ : t;
    }
    uint64_t refreshes_by(Cycle t) const override {
        return t < interval_ ? 0 : static_cast<uint64_t>(t / interval_);
    }
    Cycle next_start_after(Cycle t) const override {
        return t < interval_ ? interval_ : (t / interval_ + 1) * interval_;
    }
    Cycle end_of(uint64_t k) const override { return static_cast<Cycle>(k) * interval_ + blocked_; }

private:
    Cycle interval_, blocked_;
};

// refresh = false: an idealised device that never refreshes (to measure what refresh costs).
class NoRefresh final : public RefreshPolicy {
public:
    Cycle admit(Cycle t) const override { return t; }
    uint64_t refreshes_by(Cycle) const override { return 0; }
    Cycle next_start_after(Cycle) const override { return Cycle{1} << 62; }
    Cycle end_of(uint64_t) const override { return 0; }
};

// A policy's answers over the stretch [from, next refresh start) around the last time it
// was asked about, where they follow from one another: no refresh starts inside, so
// refreshes_by is constant and next_start_after is the stretch's end, and the blocked
// cycles are a prefix, so admit(t) = max(t, admit(from)). The model asks several times
// per run, nearly always inside one stretch: a compare instead of a virtual call with
// a division. Any other time asks the policy again (and the stretch moves there).
class RefreshWindow {
public:
    explicit RefreshWindow(const RefreshPolicy& policy) : policy_(&policy) {}

    Cycle admit(Cycle t) {
        if (!covers(t)) move_to(t);
        return t < admitted_from_ ? admitted_from_ : t;
    }
    uint64_t refreshes_by(Cycle t) {
        if (!covers(t)) move_to(t);
        return refreshes_;
    }
    // refreshes_by(t) and next_start_after(t); both hold for every time from t up to
    // next_start.
    struct Stretch {
        uint64_t refreshes;
        Cycle next_start;
    };
    Stretch stretch_at(Cycle t) {
        if (!covers(t)) move_to(t);
        return {refreshes_, next_start_};
    }
    Cycle end_of(uint64_t k) const { return policy_->end_of(k); }

private:
    bool covers(Cycle t) const { return t >= from_ && t < until_; }
    void move_to(Cycle t);  // out of line: once per stretch

    const RefreshPolicy* policy_;
    Cycle from_ = 0, until_ = 0;  // empty until first asked
    uint64_t refreshes_ = 0;
    Cycle next_start_ = 0, admitted_from_ = 0;
};

}  // namespace vp
