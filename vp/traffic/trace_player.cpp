#include "vp/traffic/trace_player.h"

#include <sstream>

#include "vp/common/log.h"
#include "vp/common/time_ps.h"
#include "vp/config/config.h"
#include "vp/interconnect/axi_extension.h"
#include "vp/memory/read_in_place.h"
#include "vp/stats/stats.h"

namespace vp {
namespace {

// SystemC's time is a count of ps that stops at 2^63 ps (9.22e6 s, about 107 days): a
// later stamp would silently play at that limit. 9e6 s leaves room for the transactions'
// own latencies after the last stamp.
constexpr double kLatestStampS = 9e6;
constexpr const char* kLatestStampText = "9*10^6 s (SystemC's time ends at 2^63 ps)";

}  // namespace

void TracePlayerParams::declare(ConfigSchema& s) {
    const TracePlayerParams d;
    s.add_path("trace.file",
               "replay this memory trace (DRAMSys STL: '<cycle>: [(<bytes>)] read|write 0x<address> [0x<data>]'; "
               "*.rstl = relative time stamps) through the PL interconnect instead of running a workload");
    s.add_uint("trace.clock_hz", static_cast<uint64_t>(d.clock_hz), "Hz",
               "trace: clock of the cycle column (the PL clock)", 1, 1e12);
    s.add_uint("trace.default_bytes", d.default_bytes, "bytes",
               "trace: length of a transaction written without '(<bytes>)'", 1, StlTrace::kMaxBytes);
    s.add_uint("trace.base_address", d.base_address, "address",
               "trace: added to every trace address (the MiniZed's DDR window starts at 0x0010_0000)",
               0, 4294967295.0);
    s.add_uint("trace.max_outstanding", d.max_outstanding, "transactions",
               "trace: transactions in flight at once (1 = wait for each answer)", 1, 1024);
}

TracePlayerParams TracePlayerParams::from_config(const Config& c) {
    TracePlayerParams p;
    p.file = c.get_string("trace.file");
    p.clock_hz = static_cast<double>(c.get_uint("trace.clock_hz"));
    p.default_bytes = static_cast<uint32_t>(c.get_uint("trace.default_bytes"));
    p.base_address = c.get_uint("trace.base_address");
    p.max_outstanding = static_cast<unsigned>(c.get_uint("trace.max_outstanding"));
    return p;
}

TracePlayer::TracePlayer(sc_core::sc_module_name name, StlTrace trace, const TracePlayerParams& params,
                         Stats& stats)
    : sc_module(name),
      socket("socket"),
      trace_(std::move(trace)),
      params_(params),
      buffer_(trace_.max_bytes(), 0),
      in_flight_(params.max_outstanding) {
    // An absolute trace's stamps are checked one by one; a relative trace's add up (in
    // double: a sum of 64-bit stamps may not fit 64 bits).
    const std::string clock = "trace.clock_hz = " + std::to_string(static_cast<uint64_t>(params_.clock_hz)) + " Hz";
    double stamp_s = 0;
    for (const StlRecord& r : trace_.records) {
        const double s = static_cast<double>(r.cycle) / params_.clock_hz;
        stamp_s = trace_.relative ? stamp_s + s : s;
        if (stamp_s <= kLatestStampS) continue;
        std::ostringstream os;
        os << trace_.name << ":" << r.line << ": ";
        if (trace_.relative)
            os << "the relative time stamps add up to " << stamp_s << " s by this line (this one: " << r.cycle
               << " cycles), beyond " << kLatestStampText << " at " << clock
               << ", expected cycles of that clock since the previous transaction";
        else
            os << "time stamp " << r.cycle << " lies beyond " << kLatestStampText << " at " << clock
               << ", expected cycles of that clock";
        throw TraceError(os.str());
    }
    attach_axi_extension(trans_, "trace", 0);
    // The player never looks at read data: let a memory skip the copy (and, for a sparse
    // memory, the first touch of every page a random trace reads). The payload owns it.
    trans_.set_extension(new ReadInPlace);
    register_stats(stats);
    SC_HAS_PROCESS(TracePlayer);
    SC_THREAD(run);
}

sc_core::sc_time TracePlayer::cycles(uint64_t n) const {
    return sc_core::sc_time(static_cast<double>(n) * 1e12 / params_.clock_hz, sc_core::SC_PS);
}

void TracePlayer::run() {
    qk_.reset();
    sc_core::sc_time previous_issue = sc_core::SC_ZERO_TIME, previous_done = sc_core::SC_ZERO_TIME;
    bool first = true;
    for (const StlRecord& r : trace_.records) {
        const sc_core::sc_time due = trace_.relative ? previous_done + cycles(r.cycle) : cycles(r.cycle);
        unsigned slot = 0;
        const sc_core::sc_time issue = in_flight_.acquire(due > previous_issue ? due : previous_issue, &slot);

        // Run ahead by at most a quantum: a far-off time stamp first lets SystemC catch up.
        qk_.set(issue - sc_core::sc_time_stamp());
        if (qk_.need_sync()) qk_.sync();
        sc_core::sc_time delay = qk_.get_local_time();

        trans_.set_command(r.is_write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
        trans_.set_address(params_.base_address + r.address);
        trans_.set_data_ptr(r.has_data() ? &trace_.write_data[r.data_offset] : buffer_.data());
        trans_.set_data_length(r.bytes);
        trans_.set_streaming_width(r.bytes);
        trans_.set_byte_enable_ptr(nullptr);
        trans_.set_dmi_allowed(false);
        trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        socket->b_transport(trans_, delay);
        const sc_core::sc_time done = sc_core::sc_time_stamp() + delay;
        in_flight_.release(slot, done);

        if (first) first_issue_ = issue;
        first = false;
        if (done > last_done_) last_done_ = done;
        previous_issue = issue;
        previous_done = done;

        ++transactions_;
        ++(r.is_write ? writes_ : reads_);
        bytes_ += r.bytes;
        const uint64_t latency_ps = to_ps(done - issue);
        latency_.add(latency_ps);
        latency_histogram_.add(latency_ps);
        if (r.cycle) {  // a record stamped 0 asks for "as soon as possible": it cannot be late
            const uint64_t lag_ps = to_ps(issue - due);
            ++timed_;
            lag_sum_ps_ += lag_ps;
            if (lag_ps > lag_max_ps_) lag_max_ps_ = lag_ps;
        }
        if (!trans_.is_response_ok()) report_error(r, issue);
    }
    // Hold SystemC time until the last answer, so the run ends when the trace does.
    qk_.sync();
    if (last_done_ > sc_core::sc_time_stamp()) wait(last_done_ - sc_core::sc_time_stamp());
    finished_ = true;
    if (params_.stop_when_done) sc_core::sc_stop();
}

void TracePlayer::report_error(const StlRecord& r, const sc_core::sc_time& issue) {
    ++errors_;
    // A trace aimed at a hole in the map would otherwise print one line per record.
    constexpr uint64_t kLogged = 8;
    if (errors_ > kLogged) return;
    std::ostringstream os;
    os << trace_.name << ":" << r.line << ": " << (r.is_write ? "write" : "read") << " of " << r.bytes
       << " bytes at 0x" << std::hex << params_.base_address + r.address << std::dec << " (issued at "
       << issue.to_string() << ") answered " << trans_.get_response_string();
    if (errors_ == kLogged) os << "; further errors are only counted (trace.errors)";
    log_warning(name(), os.str());
}

void TracePlayer::register_stats(Stats& s) {
    const std::string n = basename();
    const TracePlayer* self = this;
    s.add_counter(n + ".transactions", &transactions_, "transactions", "trace transactions issued");
    s.add_counter(n + ".reads", &reads_, "transactions", "trace reads issued");
    s.add_counter(n + ".writes", &writes_, "transactions", "trace writes issued");
    s.add_counter(n + ".bytes", &bytes_, "bytes", "bytes read and written by the trace");
    s.add_counter(n + ".errors", &errors_, "transactions", "trace transactions answered with an error response");
    auto window_s = [self] {
        return self->last_done_ > self->first_issue_ ? (self->last_done_ - self->first_issue_).to_seconds() : 0.0;
    };
    s.add_derived(n + ".active_window_s", window_s, "s", "first issue to last answer");
    s.add_derived(n + ".bandwidth_bytes_per_s", [self, window_s] {
        const double w = window_s();
        return w > 0 ? static_cast<double>(self->bytes_) / w : 0.0;
    }, "bytes/s", "trace bytes / (last answer - first issue)");
    latency_.register_stats(s, n + ".latency_ns", "trace transaction latency (issue to last data)");
    // A histogram bucket's midpoint can lie just outside the samples' range: clamp to it.
    auto percentile_ns = [self](double fraction) {
        const double p = self->latency_histogram_.percentile_ps(fraction) * 1e-3;
        const double low = self->latency_.min_ns(), high = self->latency_.max_ns();
        return p < low ? low : p > high ? high : p;
    };
    s.add_derived(n + ".latency_ns.p50", [percentile_ns] { return percentile_ns(0.50); }, "ns",
                  "trace transaction latency: median (histogram, within 6.25 %)");
    s.add_derived(n + ".latency_ns.p99", [percentile_ns] { return percentile_ns(0.99); }, "ns",
                  "trace transaction latency: 99th percentile (histogram, within 6.25 %)");
    s.add_counter(n + ".timed_transactions", &timed_, "transactions",
                  "transactions with a non-zero time stamp (the issue lag is measured on these)");
    s.add_derived(n + ".issue_lag_ns.mean", [self] {
        return self->timed_ ? static_cast<double>(self->lag_sum_ps_) * 1e-3 / static_cast<double>(self->timed_)
                            : 0.0;
    }, "ns", "issue time - the trace's time stamp (the path could not keep the schedule), timed transactions: mean");
    s.add_derived(n + ".issue_lag_ns.max", [self] { return static_cast<double>(self->lag_max_ps_) * 1e-3; },
                  "ns", "issue time - the trace's time stamp, timed transactions: most");
}

}  // namespace vp
