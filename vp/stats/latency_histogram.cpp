#include "vp/stats/latency_histogram.h"

#include <cmath>

namespace vp {

double LatencyHistogram::percentile_ps(double fraction) const {
    if (count_ == 0) return 0;
    // The sample of rank ceil(fraction x count) (1-based), as the nearest-rank definition.
    uint64_t rank = static_cast<uint64_t>(std::ceil(fraction * static_cast<double>(count_)));
    if (rank == 0) rank = 1;
    uint64_t seen = 0;
    for (unsigned i = 0; i < kBuckets; ++i) {
        seen += counts_[i];
        if (seen < rank) continue;
        if (i < (1u << kSubBits)) return i;  // exact region
        const unsigned e = (i >> kSubBits) + kSubBits - 1;
        const unsigned sub = i & ((1u << kSubBits) - 1);
        const double width = std::ldexp(1.0, static_cast<int>(e - kSubBits));
        const double low = std::ldexp(1.0, static_cast<int>(e)) + sub * width;
        return low + width / 2;
    }
    return 0;  // not reached
}

}  // namespace vp
