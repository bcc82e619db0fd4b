#include "vp/interconnect/port_counters.h"

#include <systemc>

#include "vp/stats/stats.h"

namespace vp {
namespace {

void register_direction(Stats& s, const std::string& p, const DirectionCounters* d,
                        const char* what) {
    const std::string w = what;
    s.add_derived(p + ".busy_ns", [d] { return d->busy_ps * 1e-3; }, "ns",
                  "time the port's data channel carried " + w);
    s.add_derived(p + ".utilisation",
                  [d] {
                      const double now_ps = sc_core::sc_time_stamp().to_seconds() * 1e12;
                      return now_ps > 0 ? d->busy_ps / now_ps : 0.0;
                  },
                  "", "busy time / simulated time (" + w + ")");
    s.add_derived(p + ".wait_ns", [d] { return d->wait_ps * 1e-3; }, "ns",
                  "time " + w + " waited for this port (busy channel, outstanding limit)");
    d->latency.register_stats(s, p + ".latency_ns", "latency of " + w + ", target included");
    s.add_derived(p + ".latency_ns.p50", [d] { return d->histogram.percentile_ps(0.50) * 1e-3; },
                  "ns", "median latency of " + w + " (histogram, within 6.25 %)");
    s.add_derived(p + ".latency_ns.p99", [d] { return d->histogram.percentile_ps(0.99) * 1e-3; },
                  "ns", "99th percentile latency of " + w + " (histogram, within 6.25 %)");
}

}  // namespace

void PortCounters::register_stats(Stats& s, const std::string& p, bool with_decerr,
                                  uint64_t window_ps) {
    DirectionCounters& rd = direction[0];
    DirectionCounters& wr = direction[1];
    s.add_counter(p + ".rd.bytes", &rd.bytes, "bytes", "bytes read through the port");
    s.add_counter(p + ".rd.transactions", &rd.transactions, "", "read transactions through the port");
    s.add_counter(p + ".wr.bytes", &wr.bytes, "bytes", "bytes written through the port");
    s.add_counter(p + ".wr.transactions", &wr.transactions, "", "write transactions through the port");
    s.add_counter(p + ".beats", &beats, "beats", "data beats at the port's width");
    s.add_counter(p + ".bursts", &bursts, "bursts", "AXI bursts (split at the burst limit and at 4 KiB)");
    s.add_counter(p + ".slverr", &slverr, "", "transactions the target answered with an error");
    if (with_decerr)
        s.add_counter(p + ".decerr", &decerr, "", "transactions to unmapped addresses (DECERR)");
    LatencySummary::register_merged(s, p + ".latency_ns", "port-to-response latency, target included",
                                    &rd.latency, &wr.latency);
    register_direction(s, p + ".rd", &rd, "reads");
    register_direction(s, p + ".wr", &wr, "writes");
    if (window_ps) {
        rd.bandwidth = std::make_unique<TimeSeries>(p + ".rd.bytes", window_ps);
        wr.bandwidth = std::make_unique<TimeSeries>(p + ".wr.bytes", window_ps);
        TimeSeriesRegistry::of(s).add(rd.bandwidth.get());
        TimeSeriesRegistry::of(s).add(wr.bandwidth.get());
    }
}

void PortCounters::unregister_series(Stats& s) const {
    for (const DirectionCounters& d : direction)
        if (d.bandwidth) TimeSeriesRegistry::of(s).remove(d.bandwidth.get());
}

}  // namespace vp
