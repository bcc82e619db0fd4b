#include "vp/memory/dram/dram_counters.h"

#include "vp/memory/dram/dram_params.h"
#include "vp/stats/stats.h"

namespace vp {

void DramCounters::register_stats(Stats& s, const std::string& p, const DramParams& d) const {
    const DramCounters* c = this;
    const double tck_s = static_cast<double>(d.tck_ps) * 1e-12;
    const double peak = d.peak_bytes_per_s();
    auto window_s = [c, tck_s] {
        return c->last_data_end > c->first_arrival
                   ? static_cast<double>(c->last_data_end - c->first_arrival) * tck_s
                   : 0.0;
    };
    s.add_counter(p + ".read_bursts", &read_bursts, "bursts", "DRAM read bursts (one CAS each)");
    s.add_counter(p + ".write_bursts", &write_bursts, "bursts", "DRAM write bursts (one CAS each)");
    s.add_counter(p + ".row_hits", &row_hits, "bursts", "bursts to an open row");
    s.add_counter(p + ".row_misses", &row_misses, "bursts", "bursts to a precharged bank (ACT first)");
    s.add_counter(p + ".row_conflicts", &row_conflicts, "bursts", "bursts to a bank with another row open (PRE and ACT first)");
    s.add_derived(p + ".row_hit_rate", [c] {
        const uint64_t n = c->row_hits + c->row_misses + c->row_conflicts;
        return n ? static_cast<double>(c->row_hits) / static_cast<double>(n) : 0.0;
    }, "", "row hits / bursts");
    s.add_counter(p + ".activates", &activates, "", "ACTIVATE commands");
    s.add_counter(p + ".precharges", &precharges, "", "PRECHARGE commands (explicit or auto), refresh's precharge-all excluded");
    for (std::size_t b = 0; b < bank_activates.size(); ++b)
        s.add_counter(p + ".bank" + std::to_string(b) + ".activates", &bank_activates[b], "",
                      "ACTIVATE commands to this bank");
    s.add_counter(p + ".refreshes", &refreshes, "", "all-bank refreshes up to the last access");
    s.add_derived(p + ".latency_ns.min", [c] { return static_cast<double>(c->latency_min_ps) * 1e-3; }, "ns",
                  "transaction latency in the DRAM model (arrival to last data): least");
    s.add_derived(p + ".latency_ns.mean", [c] {
        return c->transactions ? static_cast<double>(c->latency_sum_ps) * 1e-3 / static_cast<double>(c->transactions) : 0.0;
    }, "ns", "transaction latency in the DRAM model: mean");
    s.add_derived(p + ".latency_ns.max", [c] { return static_cast<double>(c->latency_max_ps) * 1e-3; }, "ns",
                  "transaction latency in the DRAM model: most");
    uint64_t low = 0;
    for (std::size_t b = 0; b < kLatencyBucketsNs.size(); ++b) {
        const uint64_t high = kLatencyBucketsNs[b];
        const std::string name = high ? std::to_string(low) + "_" + std::to_string(high) + "ns"
                                      : std::to_string(low) + "ns_up";
        s.add_counter(p + ".latency_hist." + name, &latency_hist[b], "transactions",
                      "transactions whose DRAM latency falls in this range");
        low = high;
    }
    s.add_derived(p + ".peak_bandwidth_bytes_per_s", [peak] { return peak; }, "bytes/s",
                  "theoretical peak: bus width x transfers per second");
    s.add_derived(p + ".bandwidth_bytes_per_s", [c, window_s] {
        const double w = window_s();
        return w > 0 ? static_cast<double>(c->bytes) / w : 0.0;
    }, "bytes/s", "achieved: bytes / (last data - first arrival)");
    s.add_derived(p + ".data_bus_utilisation", [c, window_s, tck_s] {
        const double w = window_s();
        return w > 0 ? static_cast<double>(c->data_bus_busy_cycles) * tck_s / w : 0.0;
    }, "", "data bus busy time / (last data - first arrival)");
    s.add_derived(p + ".active_window_s", window_s, "s", "first arrival to last data (the window of the two above)");
}

}  // namespace vp
