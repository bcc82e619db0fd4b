// Traffic counters of one interconnect port, kept as plain integers on the hot path and
// registered with the statistics registry by pointer. Latencies are integers in ps (sum,
// min, max); min/mean/max in ns are derived when the registry is read.
//
// Names under "<interconnect>.<port>.":
//   rd.bytes, rd.transactions, wr.bytes, wr.transactions   successful transfers
//   beats, bursts                AXI beats and bursts at this port's width and burst limit
//   slverr                       transactions the target answered with an error
//   decerr                       (initiator ports) transactions to no target (AXI DECERR)
//   latency_ns.min/.mean/.max    delay from entering the initiator port to the response,
//                                target included (derived; 0 before the first transaction)
#pragma once

#include <cstdint>
#include <string>

#include "vp/interconnect/burst_math.h"

namespace vp {

class Stats;

struct PortCounters {
    uint64_t rd_bytes = 0, rd_transactions = 0;
    uint64_t wr_bytes = 0, wr_transactions = 0;
    uint64_t beats = 0, bursts = 0;
    uint64_t slverr = 0, decerr = 0;
    uint64_t latency_count = 0, latency_sum_ps = 0;
    uint64_t latency_min_ps = UINT64_MAX, latency_max_ps = 0;

    void record(bool is_write, uint64_t bytes, const BurstCount& bursts_on_port,
                uint64_t latency_ps, bool ok) {
        if (!ok) { ++slverr; }
        else if (is_write) { ++wr_transactions; wr_bytes += bytes; }
        else { ++rd_transactions; rd_bytes += bytes; }
        beats += bursts_on_port.beats;
        bursts += bursts_on_port.bursts;
        ++latency_count;
        latency_sum_ps += latency_ps;
        if (latency_ps < latency_min_ps) latency_min_ps = latency_ps;
        if (latency_ps > latency_max_ps) latency_max_ps = latency_ps;
    }

    // prefix: "<interconnect>.<port>"; with_decerr for initiator ports. The counters
    // must outlive the registry's use (they are read by pointer).
    void register_stats(Stats& stats, const std::string& prefix, bool with_decerr) const;
};

}  // namespace vp
