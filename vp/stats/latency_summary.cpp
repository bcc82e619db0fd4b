#include "vp/stats/latency_summary.h"

#include "vp/stats/stats.h"

namespace vp {

void LatencySummary::register_stats(Stats& s, const std::string& p, const std::string& what) const {
    const LatencySummary* l = this;
    s.add_derived(p + ".min", [l] { return l->min_ns(); }, "ns", "shortest " + what);
    s.add_derived(p + ".mean", [l] { return l->mean_ns(); }, "ns", "mean " + what);
    s.add_derived(p + ".max", [l] { return l->max_ns(); }, "ns", "longest " + what);
}

void LatencySummary::register_merged(Stats& s, const std::string& p, const std::string& what,
                                     const LatencySummary* a, const LatencySummary* b) {
    auto merged = [a, b] {
        LatencySummary m = *a;
        m.merge(*b);
        return m;
    };
    s.add_derived(p + ".min", [merged] { return merged().min_ns(); }, "ns", "shortest " + what);
    s.add_derived(p + ".mean", [merged] { return merged().mean_ns(); }, "ns", "mean " + what);
    s.add_derived(p + ".max", [merged] { return merged().max_ns(); }, "ns", "longest " + what);
}

}  // namespace vp
