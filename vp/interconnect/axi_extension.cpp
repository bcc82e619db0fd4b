#include "vp/interconnect/axi_extension.h"

#include <cstdio>

namespace vp {

std::string LatencyBreakdown::to_string() const {
    std::string s;
    char buf[96];
    for (unsigned i = 0; i < count_; ++i) {
        std::snprintf(buf, sizeof buf, "%s%s %.3f ns", i ? " + " : "", parts_[i].label,
                      parts_[i].time.to_seconds() * 1e9);
        s += buf;
    }
    std::snprintf(buf, sizeof buf, " = %.3f ns", total().to_seconds() * 1e9);
    return s + buf;
}

}  // namespace vp
