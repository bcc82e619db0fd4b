// A trace player: an initiator that replays a memory trace (stl_trace.h, DRAMSys's STL
// format) into the platform, so memory and interconnect choices can be studied without
// the accelerator. The trace platform gives it the port "trace" on the PL interconnect
// (hp), where the DMA and the weight fetch sit on the MiniZed.
//
// Issue rule, per record i (one b_transport each, in trace order):
//   due_i   = cycle_i / clock_hz                    (absolute trace, *.stl)
//           = done_{i-1} + cycle_i / clock_hz       (relative trace, *.rstl)
//   issue_i = max(due_i, issue_{i-1}, the earliest completion among the transactions in
//             flight when max_outstanding are)
// so time stamp 0 means "as fast as the path accepts": up to max_outstanding
// transactions overlap, like an AXI master with that many outstanding requests, and the
// interconnect's own outstanding limits and channels time the rest. max_outstanding = 1
// is a blocking master (each waits for the previous answer).
// The player's local time is issue_i (quantum keeper: it runs ahead of SystemC time by
// at most a quantum); the target answers with the time of the last data, done_i.
//
// Measured per transaction: latency = done_i - issue_i (the TLM delay the path returned
// for it), and issue lag = issue_i - due_i (how far the path pushed the trace's own
// schedule back; measured only on records with a non-zero stamp, as a stamp of 0 asks
// for "as soon as possible"). After the last answer the player waits until then and stops the
// simulation (sc_stop) when TracePlayerParams::stop_when_done.
//
// Statistics ("<name>." = "trace."): transactions, reads, writes, bytes, errors,
// bandwidth_bytes_per_s (bytes / (last done - first issue)), active_window_s,
// latency_ns.min/.mean/.p50/.p99/.max (percentiles from a histogram, within 6.25 %),
// timed_transactions, issue_lag_ns.mean/.max.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "vp/interconnect/outstanding_limiter.h"
#include "vp/stats/latency_histogram.h"
#include "vp/stats/latency_summary.h"
#include "vp/traffic/stl_trace.h"

namespace vp {

class ConfigSchema;
class Config;
class Stats;

struct TracePlayerParams {
    std::string file;                     // empty: no trace run
    double clock_hz = 125e6;              // the cycle column's clock (the PL clock)
    uint32_t default_bytes = 64;          // length of a record without "(<bytes>)"
    uint64_t base_address = 0x0010'0000;  // added to every trace address (MiniZed: DDR starts here)
    unsigned max_outstanding = 8;         // transactions in flight at once (1 = blocking)
    bool stop_when_done = true;           // sc_stop() after the last answer (not a key)

    // Keys trace.file, .clock_hz, .default_bytes, .base_address, .max_outstanding.
    static void declare(ConfigSchema& schema);
    static TracePlayerParams from_config(const Config& config);
};

class TracePlayer : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<TracePlayer> socket;

    // Throws TraceError when a time stamp is beyond what simulated time can hold.
    TracePlayer(sc_core::sc_module_name name, StlTrace trace, const TracePlayerParams& params,
                Stats& stats);

    const StlTrace& trace() const { return trace_; }
    bool finished() const { return finished_; }
    uint64_t errors() const { return errors_; }
    sc_core::sc_time first_issue() const { return first_issue_; }
    sc_core::sc_time last_done() const { return last_done_; }

private:
    void run();
    sc_core::sc_time cycles(uint64_t n) const;
    void register_stats(Stats& stats);
    void report_error(const StlRecord& r, const sc_core::sc_time& issue);

    StlTrace trace_;
    TracePlayerParams params_;
    tlm_utils::tlm_quantumkeeper qk_;
    tlm::tlm_generic_payload trans_;
    std::vector<unsigned char> buffer_;  // reads land here; writes without data send it (zeros)
    OutstandingLimiter in_flight_;

    bool finished_ = false;
    sc_core::sc_time first_issue_ = sc_core::SC_ZERO_TIME, last_done_ = sc_core::SC_ZERO_TIME;
    uint64_t transactions_ = 0, reads_ = 0, writes_ = 0, bytes_ = 0, errors_ = 0;
    uint64_t timed_ = 0, lag_max_ps_ = 0, lag_sum_ps_ = 0;
    LatencySummary latency_;
    LatencyHistogram latency_histogram_;
};

}  // namespace vp
