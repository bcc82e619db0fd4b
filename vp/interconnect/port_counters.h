// Traffic statistics of one interconnect port. The hot path records each transaction once,
// into its path's counters (path_counters.h); a port's statistics are the sums over the
// paths through it, made when the statistics registry is read. Only DECERRs (no path)
// and the bandwidth time series (sums of doubles, whose order matters) are kept per port.
// Latencies are integers in ps (LatencySummary); min/mean/max in ns are derived.
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
#include <vector>

#include "vp/interconnect/path_counters.h"
#include "vp/stats/latency_histogram.h"
#include "vp/stats/latency_summary.h"
#include "vp/stats/time_series.h"

namespace vp {

class Stats;

class PortCounters {
public:
    // initiator: the port is the initiator end of its paths (else the target end).
    explicit PortCounters(bool initiator = true) : initiator_(initiator) {}

    uint64_t decerr = 0;                    // (initiator ports) recorded on the hot path
    std::unique_ptr<TimeSeries> bandwidth[2];  // [is_write]; nullptr without a window

    // A path through this port (before the statistics are read; it must outlive them).
    void attach(const PathCounters* path, bool is_write) { paths_[is_write].push_back(path); }

    // The sums over the port's paths.
    uint64_t beats() const;
    uint64_t bursts() const;
    uint64_t slverr() const;
    uint64_t bytes(bool is_write) const;
    uint64_t transactions(bool is_write) const;
    uint64_t busy_ps(bool is_write) const;
    uint64_t wait_ps(bool is_write) const;
    LatencySummary latency(bool is_write) const;
    LatencySummary latency() const;  // both directions
    LatencyHistogram histogram(bool is_write) const;

    // prefix: "<interconnect>.<port>"; with_decerr for initiator ports. The counters
    // must outlive the registry's use (they are read by pointer). window_ps > 0 adds the
    // bandwidth time series to the run's TimeSeriesRegistry.
    void register_stats(Stats& stats, const std::string& prefix, bool with_decerr,
                        uint64_t window_ps = 0);
    void unregister_series(Stats& stats) const;

private:
    // Sum of `field` of the port's paths in direction is_write.
    template <typename Field>
    uint64_t sum(bool is_write, Field field) const {
        uint64_t total = 0;
        for (const PathCounters* p : paths_[is_write]) total += field(*p);
        return total;
    }
    const BurstCount& side(const PathCounters& p) const {
        return initiator_ ? p.initiator_side : p.target_side;
    }

    bool initiator_;
    std::vector<const PathCounters*> paths_[2];  // [is_write]
};

}  // namespace vp
