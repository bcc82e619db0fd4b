// Traffic counters of one interconnect port, kept as plain integers on the hot path and
// registered with the statistics registry by pointer. Latencies are integers in ps
// (LatencySummary); min/mean/max in ns are derived when the registry is read.
//
// Names under "<interconnect>.<port>.":
//   rd.bytes, rd.transactions, wr.bytes, wr.transactions   successful transfers
//   beats, bursts                AXI beats and bursts at this port's width and burst limit
//   slverr                       transactions the target answered with an error
//   decerr                       (initiator ports) transactions to no target (AXI DECERR)
//   latency_ns.min/.mean/.max    delay from entering the initiator port to the response,
//                                target included (derived; 0 before the first transaction)
// and per direction (<dir> = rd | wr), from the timing policy:
//   <dir>.busy_ns                time the port's data channel carried this direction's data
//   <dir>.utilisation            busy_ns / simulated time (derived at the end of the run)
//   <dir>.wait_ns                time transactions waited for this port: its channel
//                                (contention) and its outstanding-transaction limit
//   <dir>.latency_ns.min/.mean/.max/.p50/.p99   as latency_ns, per direction; the
//                                percentiles from a histogram (within 6.25 %)
// and, when the interconnect has a bandwidth window, a time series "<ic>.<port>.<dir>.bytes"
// (bytes per window, written by run.bandwidth_csv).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "vp/interconnect/burst_math.h"
#include "vp/stats/latency_histogram.h"
#include "vp/stats/latency_summary.h"
#include "vp/stats/time_series.h"

namespace vp {

class Stats;

// One direction (reads or writes) of a port.
struct DirectionCounters {
    uint64_t bytes = 0, transactions = 0;  // successful transfers
    uint64_t busy_ps = 0;
    uint64_t wait_ps = 0;
    LatencySummary latency;
    LatencyHistogram histogram;
    std::unique_ptr<TimeSeries> bandwidth;  // nullptr without a window
};

struct PortCounters {
    uint64_t beats = 0, bursts = 0;
    uint64_t slverr = 0, decerr = 0;
    DirectionCounters direction[2];  // [is_write]: reads, writes

    // One transaction that reached a target (DECERRs only count in `decerr`); the
    // latency's histogram bucket is computed once for both ports.
    void record(bool is_write, bool ok, uint64_t bytes, const BurstCount& bursts_on_port,
                uint64_t latency_ps, unsigned latency_bucket, uint64_t busy, uint64_t wait) {
        DirectionCounters& d = direction[is_write];
        if (ok) {
            ++d.transactions;
            d.bytes += bytes;
        } else {
            ++slverr;
        }
        beats += bursts_on_port.beats;
        bursts += bursts_on_port.bursts;
        d.busy_ps += busy;
        d.wait_ps += wait;
        d.latency.add(latency_ps);
        d.histogram.add_to_bucket(latency_bucket);
    }
    // Both directions: every transaction is in exactly one of them, so the port's
    // latency_ns.* is their merge (kept once, per direction, on the hot path).
    LatencySummary latency() const {
        LatencySummary both = direction[0].latency;
        both.merge(direction[1].latency);
        return both;
    }

    // prefix: "<interconnect>.<port>"; with_decerr for initiator ports. The counters
    // must outlive the registry's use (they are read by pointer). window_ps > 0 adds the
    // bandwidth time series to the run's TimeSeriesRegistry.
    void register_stats(Stats& stats, const std::string& prefix, bool with_decerr,
                        uint64_t window_ps = 0);
    void unregister_series(Stats& stats) const;
};

}  // namespace vp
