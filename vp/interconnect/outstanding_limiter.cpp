#include "vp/interconnect/outstanding_limiter.h"

#include <algorithm>

namespace vp {

unsigned OutstandingLimiter::scan() {
    ordered_ = false;
    unsigned best = 0;
    for (unsigned i = 1; i < n_; ++i)
        if (slots_[i] < slots_[best]) best = i;
    return best;
}

void OutstandingLimiter::unordered_release() {
    ordered_ = false;
    if (held_ != 0) return;
    std::sort(order_.begin(), order_.end(), [this](unsigned a, unsigned b) { return precedes(a, b); });
    head_ = 0;
    ordered_ = true;
}

void OutstandingLimiter::move_forward(unsigned pos, unsigned slot) {
    for (unsigned k = 1; k < n_; ++k) {  // at most past every other slot
        const unsigned prev = pos == 0 ? n_ - 1 : pos - 1;
        const unsigned other = order_[prev];
        if (precedes(other, slot)) break;
        order_[pos] = other;
        pos = prev;
    }
    order_[pos] = slot;
}

}  // namespace vp
