#include "vp/memory/dram/refresh_policy.h"

namespace vp {

void RefreshWindow::move_to(Cycle t) {
    from_ = t;
    refreshes_ = policy_->refreshes_by(t);
    next_start_ = policy_->next_start_after(t);
    admitted_from_ = policy_->admit(t);
    // A blocked span reaching the next start (not a valid part) breaks the prefix rule:
    // then only t itself is covered.
    until_ = admitted_from_ < next_start_ ? next_start_ : t + 1;
}

}  // namespace vp
