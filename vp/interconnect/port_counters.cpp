#include "vp/interconnect/port_counters.h"

#include <systemc>

#include "vp/stats/stats.h"

namespace vp {

uint64_t PortCounters::beats() const {
    const auto f = [this](const PathCounters& p) { return side(p).beats; };
    return sum(false, f) + sum(true, f);
}

uint64_t PortCounters::bursts() const {
    const auto f = [this](const PathCounters& p) { return side(p).bursts; };
    return sum(false, f) + sum(true, f);
}

uint64_t PortCounters::slverr() const {
    const auto f = [](const PathCounters& p) { return p.slverr; };
    return sum(false, f) + sum(true, f);
}

uint64_t PortCounters::bytes(bool w) const {
    return sum(w, [](const PathCounters& p) { return p.bytes; });
}

uint64_t PortCounters::transactions(bool w) const {
    return sum(w, [](const PathCounters& p) { return p.transactions; });
}

uint64_t PortCounters::busy_ps(bool w) const {
    return sum(w, [](const PathCounters& p) { return p.busy_ps; });
}

uint64_t PortCounters::wait_ps(bool w) const {
    return sum(w, [](const PathCounters& p) { return p.wait_ps; });
}

LatencySummary PortCounters::latency(bool w) const {
    LatencySummary l;
    for (const PathCounters* p : paths_[w]) l.merge(p->latency);
    return l;
}

LatencySummary PortCounters::latency() const {
    LatencySummary l = latency(false);
    l.merge(latency(true));
    return l;
}

LatencyHistogram PortCounters::histogram(bool w) const {
    LatencyHistogram h;
    for (const PathCounters* p : paths_[w]) h.merge(p->histogram);
    return h;
}

namespace {

void register_direction(Stats& s, const std::string& p, const PortCounters* c, bool w,
                        const char* what) {
    const std::string t = what;
    s.add_derived(p + ".busy_ns", [c, w] { return c->busy_ps(w) * 1e-3; }, "ns",
                  "time the port's data channel carried " + t);
    s.add_derived(p + ".utilisation",
                  [c, w] {
                      const double now_ps = sc_core::sc_time_stamp().to_seconds() * 1e12;
                      return now_ps > 0 ? c->busy_ps(w) / now_ps : 0.0;
                  },
                  "", "busy time / simulated time (" + t + ")");
    s.add_derived(p + ".wait_ns", [c, w] { return c->wait_ps(w) * 1e-3; }, "ns",
                  "time " + t + " waited for this port (busy channel, outstanding limit)");
    LatencySummary::register_computed(s, p + ".latency_ns", "latency of " + t + ", target included",
                                      [c, w] { return c->latency(w); });
    s.add_derived(p + ".latency_ns.p50", [c, w] { return c->histogram(w).percentile_ps(0.50) * 1e-3; },
                  "ns", "median latency of " + t + " (histogram, within 6.25 %)");
    s.add_derived(p + ".latency_ns.p99", [c, w] { return c->histogram(w).percentile_ps(0.99) * 1e-3; },
                  "ns", "99th percentile latency of " + t + " (histogram, within 6.25 %)");
}

}  // namespace

void PortCounters::register_stats(Stats& s, const std::string& p, bool with_decerr,
                                  uint64_t window_ps) {
    const PortCounters* c = this;
    s.add_counter(p + ".rd.bytes", [c] { return c->bytes(false); }, "bytes", "bytes read through the port");
    s.add_counter(p + ".rd.transactions", [c] { return c->transactions(false); }, "", "read transactions through the port");
    s.add_counter(p + ".wr.bytes", [c] { return c->bytes(true); }, "bytes", "bytes written through the port");
    s.add_counter(p + ".wr.transactions", [c] { return c->transactions(true); }, "", "write transactions through the port");
    s.add_counter(p + ".beats", [c] { return c->beats(); }, "beats", "data beats at the port's width");
    s.add_counter(p + ".bursts", [c] { return c->bursts(); }, "bursts", "AXI bursts (split at the burst limit and at 4 KiB)");
    s.add_counter(p + ".slverr", [c] { return c->slverr(); }, "", "transactions the target answered with an error");
    if (with_decerr)
        s.add_counter(p + ".decerr", &decerr, "", "transactions to unmapped addresses (DECERR)");
    LatencySummary::register_computed(s, p + ".latency_ns", "port-to-response latency, target included",
                                      [c] { return c->latency(); });
    register_direction(s, p + ".rd", c, false, "reads");
    register_direction(s, p + ".wr", c, true, "writes");
    if (window_ps) {
        const std::string window_key = p.substr(0, p.find('.')) + ".bandwidth_window_ns";  // "<ic>."
        bandwidth[0] = std::make_unique<TimeSeries>(p + ".rd.bytes", window_ps, window_key);
        bandwidth[1] = std::make_unique<TimeSeries>(p + ".wr.bytes", window_ps, window_key);
        TimeSeriesRegistry::of(s).add(bandwidth[0].get());
        TimeSeriesRegistry::of(s).add(bandwidth[1].get());
    }
}

void PortCounters::unregister_series(Stats& s) const {
    for (const auto& series : bandwidth)
        if (series) TimeSeriesRegistry::of(s).remove(series.get());
}

}  // namespace vp
