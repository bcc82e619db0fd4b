#include "vp/interconnect/port_counters.h"

#include "vp/stats/stats.h"

namespace vp {

void PortCounters::register_stats(Stats& s, const std::string& p, bool with_decerr) const {
    s.add_counter(p + ".rd.bytes", &rd_bytes, "bytes", "bytes read through the port");
    s.add_counter(p + ".rd.transactions", &rd_transactions, "", "read transactions through the port");
    s.add_counter(p + ".wr.bytes", &wr_bytes, "bytes", "bytes written through the port");
    s.add_counter(p + ".wr.transactions", &wr_transactions, "", "write transactions through the port");
    s.add_counter(p + ".beats", &beats, "beats", "data beats at the port's width");
    s.add_counter(p + ".bursts", &bursts, "bursts", "AXI bursts (split at the burst limit and at 4 KiB)");
    s.add_counter(p + ".slverr", &slverr, "", "transactions the target answered with an error");
    if (with_decerr)
        s.add_counter(p + ".decerr", &decerr, "", "transactions to unmapped addresses (DECERR)");
    const PortCounters* c = this;
    s.add_derived(p + ".latency_ns.min",
                  [c] { return c->latency_count ? c->latency_min_ps * 1e-3 : 0.0; }, "ns",
                  "shortest port-to-response latency, target included");
    s.add_derived(p + ".latency_ns.mean",
                  [c] { return c->latency_count ? c->latency_sum_ps * 1e-3 / c->latency_count : 0.0; },
                  "ns", "mean port-to-response latency, target included");
    s.add_derived(p + ".latency_ns.max", [c] { return c->latency_max_ps * 1e-3; }, "ns",
                  "longest port-to-response latency, target included");
}

}  // namespace vp
