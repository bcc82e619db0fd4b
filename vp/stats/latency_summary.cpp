#include "vp/stats/latency_summary.h"

#include "vp/stats/stats.h"

namespace vp {

namespace {

// <prefix>.min, .mean, .max of the summary that `summary()` returns when the registry is read.
template <typename Get>
void register_summary(Stats& s, const std::string& p, const std::string& what, Get summary) {
    s.add_derived(p + ".min", [summary] { return summary().min_ns(); }, "ns", "shortest " + what);
    s.add_derived(p + ".mean", [summary] { return summary().mean_ns(); }, "ns", "mean " + what);
    s.add_derived(p + ".max", [summary] { return summary().max_ns(); }, "ns", "longest " + what);
}

}  // namespace

void LatencySummary::register_stats(Stats& s, const std::string& p, const std::string& what) const {
    const LatencySummary* l = this;
    register_summary(s, p, what, [l]() -> const LatencySummary& { return *l; });
}

void LatencySummary::register_computed(Stats& s, const std::string& p, const std::string& what,
                                       std::function<LatencySummary()> summary) {
    register_summary(s, p, what, std::move(summary));
}

}  // namespace vp
