#include "vp/interconnect/axi_interconnect.h"

#include <algorithm>
#include <cstdio>

#include "vp/common/log.h"
#include "vp/common/time_ps.h"
#include "vp/interconnect/arbitration_policy.h"
#include "vp/config/config.h"
#include "vp/stats/stats.h"

namespace vp {

void InterconnectParams::declare(ConfigSchema& s, const std::string& prefix) {
    const InterconnectParams d;
    s.add_string(prefix + ".timing", d.timing,
                 "interconnect timing policy: fixed = per-port latencies + slowest port's data time, "
                 "no contention; contention = busy-until data channels per port and direction, "
                 "arbitration, outstanding limits, data overlapped with the target's",
                 timing_policy_names());
    s.add_string(prefix + ".arbitration", d.arbitration,
                 "contention timing: who goes first on a busy port (round_robin = call order, "
                 "fixed_priority = by priority_order, qos = by AxQOS)",
                 arbitration_policy_names());
    s.add_string(prefix + ".priority_order", d.priority_order,
                 "fixed_priority: initiator port names, comma-separated, highest first (unlisted: lowest)");
    s.add_uint(prefix + ".decerr_log_limit", d.decerr_log_limit, "messages",
               "DECERR warnings per initiator port before the port goes quiet (still counted)", 0, 1e9);
    s.add_string(prefix + ".breakdown", d.breakdown,
                 "latency breakdown per transaction: check = verify that its parts sum to the delay "
                 "(<ic>.breakdown_mismatches), log = also log every one", {"off", "check", "log"});
    s.add_uint(prefix + ".bandwidth_window_ns", d.bandwidth_window_ns, "ns",
               "window of the per-port bandwidth time series, kept when run.bandwidth_csv writes them; 0 = none", 0, 1e12);
}

InterconnectParams InterconnectParams::from_config(const Config& c, const std::string& prefix) {
    InterconnectParams p;
    p.timing = c.get_string(prefix + ".timing");
    p.arbitration = c.get_string(prefix + ".arbitration");
    p.priority_order = c.get_string(prefix + ".priority_order");
    p.decerr_log_limit = static_cast<unsigned>(c.get_uint(prefix + ".decerr_log_limit"));
    p.breakdown = c.get_string(prefix + ".breakdown");
    p.bandwidth_window_ns = c.get_uint(prefix + ".bandwidth_window_ns");
    return p;
}

AxiInterconnect::AxiInterconnect(sc_core::sc_module_name name, Stats& stats,
                                 const InterconnectParams& params)
    : sc_module(name),
      upstream("upstream"),
      downstream("downstream"),
      stats_(stats),
      params_(params),
      timing_(make_timing_policy(params.timing, params.arbitration, params.priority_order)) {
    if (params.breakdown != "off" && params.breakdown != "check" && params.breakdown != "log")
        throw ConfigError(std::string(this->name()) + ": breakdown = '" + params.breakdown +
                          "', expected off, check or log");
    check_breakdown_ = params.breakdown != "off";
    log_breakdown_ = params.breakdown == "log";
    const std::string n = basename();
    stats.add_counter(n + ".breakdown_checked", &breakdown_checked_, "",
                      "transactions whose latency breakdown was checked (<ic>.breakdown = check or log)");
    stats.add_counter(n + ".breakdown_mismatches", &breakdown_mismatches_, "",
                      "checked transactions whose breakdown parts do not sum to their delay");
    upstream.register_b_transport(this, &AxiInterconnect::b_transport);
    upstream.register_transport_dbg(this, &AxiInterconnect::transport_dbg);
    upstream.register_get_direct_mem_ptr(this, &AxiInterconnect::get_direct_mem_ptr);
    downstream.register_invalidate_direct_mem_ptr(this, &AxiInterconnect::invalidate_direct_mem_ptr);
}

AxiInterconnect::~AxiInterconnect() {
    // The run's time-series registry holds pointers into the ports' counters.
    for (const auto* list : {&initiators_, &targets_})
        for (const auto& p : *list) p->counters.unregister_series(stats_);
}

void AxiInterconnect::check_assembly_open(const char* what) const {
    if (elaborated_)
        SC_REPORT_ERROR(name(), (std::string(what) + " after elaboration").c_str());
}

unsigned AxiInterconnect::add_port(std::vector<std::unique_ptr<Port>>& ports,
                                   const PortParams& p, bool initiator) {
    p.validate(name());
    for (const auto* list : {&initiators_, &targets_})
        for (const auto& q : *list)
            if (q->timing.params.name == p.name)
                throw ConfigError(std::string(name()) + ": port name '" + p.name + "' used twice");
    ports.push_back(std::make_unique<Port>(p, basename(), initiator));
    ports.back()->counters.register_stats(stats_, std::string(basename()) + "." + p.name, initiator,
                                           params_.bandwidth_window_ns * 1000);
    return static_cast<unsigned>(ports.size() - 1);
}

unsigned AxiInterconnect::add_initiator(const PortParams& p) {
    check_assembly_open("add_initiator");
    return add_port(initiators_, p, true);
}

unsigned AxiInterconnect::add_target(const PortParams& p) {
    check_assembly_open("add_target");
    return add_port(targets_, p, false);
}

void AxiInterconnect::map(const AddressRegion& r) {
    check_assembly_open("map");
    if (r.target >= targets_.size())
        throw ConfigError(std::string(name()) + ": region '" + r.name + "' names target " +
                          std::to_string(r.target) + ", but only " +
                          std::to_string(targets_.size()) + " targets were added");
    map_.add(r, name());
    for (const auto& p : initiators_) p->last_region = nullptr;  // add() moved the windows
}

void AxiInterconnect::set_timing_policy(std::unique_ptr<TimingPolicy> policy) {
    check_assembly_open("set_timing_policy");
    timing_ = std::move(policy);
}

void AxiInterconnect::end_of_elaboration() {
    // Port indices are binding positions: a mismatch would route to the wrong device.
    if (upstream.size() != initiators_.size() || downstream.size() != targets_.size()) {
        const std::string msg = "bound " + std::to_string(upstream.size()) + " initiators and " +
                                std::to_string(downstream.size()) + " targets, but added " +
                                std::to_string(initiators_.size()) + " and " +
                                std::to_string(targets_.size());
        SC_REPORT_ERROR(name(), msg.c_str());
    }
    std::vector<const PortTiming*> in, out;
    std::vector<std::string> initiator_names;
    for (const auto& p : initiators_) initiator_names.push_back(p->timing.params.name);
    check_priority_order(parse_priority_order(params_.priority_order), initiator_names,
                         std::string(basename()) + ".priority_order");
    for (const auto& p : initiators_) in.push_back(&p->timing);
    for (const auto& p : targets_) out.push_back(&p->timing);
    timing_->configure(in, out);
    contention_ = dynamic_cast<ContentionTiming*>(timing_.get());
    // Sized once: the ports' statistics hold pointers to the paths' counters.
    paths_ = std::vector<Path>(initiators_.size() * targets_.size() * 2);
    for (size_t i = 0; i < initiators_.size(); ++i)
        for (size_t j = 0; j < targets_.size(); ++j)
            for (const bool is_write : {false, true}) {
                Path& path = paths_[(i * targets_.size() + j) * 2 + is_write];
                PortCounters& in = initiators_[i]->counters;
                PortCounters& out = targets_[j]->counters;
                path.initiator_bandwidth = in.bandwidth[is_write].get();
                path.target_bandwidth = out.bandwidth[is_write].get();
                in.attach(&path.counters, is_write);
                out.attach(&path.counters, is_write);
            }
    units_are_ps_ = to_ps_(1) == 1;
    elaborated_ = true;
}

namespace {

// Keeps AxiExtension::hops_in_flight right on every return path.
struct HopGuard {
    AxiExtension* ext;
    ~HopGuard() {
        if (ext) --ext->hops_in_flight;
    }
};

}  // namespace

void AxiInterconnect::b_transport(int id, tlm::tlm_generic_payload& trans,
                                  sc_core::sc_time& delay) {
    AxiExtension* ext = trans.get_extension<AxiExtension>();
    const HopGuard guard{ext};
    bool outermost = false;
    if (ext) {
        outermost = ext->hops_in_flight++ == 0;
        if (outermost) {
            ext->breakdown.clear();
            if (check_breakdown_) ext->record_breakdown = true;
        }
    }
    // The contention policy's code inline (a final class: no vtable, and the Transfer
    // never leaves this function: it stays in registers); any other policy through the
    // TimingPolicy interface.
    if (contention_) return transport(*contention_, id, trans, delay, ext, outermost);
    transport(*timing_, id, trans, delay, ext, outermost);
}

template <class Policy>
inline void AxiInterconnect::transport(Policy& policy, int id, tlm::tlm_generic_payload& trans,
                                       sc_core::sc_time& delay, AxiExtension* ext,
                                       bool outermost) {
    // Hot: integers (TimeUnits) throughout; sc_time only for `delay`.
    Port& in = *initiators_[id];
    const uint64_t address = trans.get_address();
    const uint64_t length = trans.get_data_length();
    const TimeUnits entry = delay.value();
    const TimeUnits now = sc_core::sc_get_curr_simcontext()->time_stamp().value();
    LatencyBreakdown* breakdown =
        ext && ext->record_breakdown ? &ext->breakdown : nullptr;

    const AddressRegion* region = map_.decode(address, length, in.last_region);
    if (!region) {
        answer_decerr(in, trans, delay, ext, outermost, now, entry);
        return;
    }
    Port& out = *targets_[region->target];
    const uint64_t target_address = region->to_target(address);

    const bool is_write = trans.is_write();
    Path& path = paths_[(static_cast<size_t>(id) * targets_.size() + region->target) * 2 + is_write];
    const uint64_t bytes = trans.get_command() == tlm::TLM_IGNORE_COMMAND ? 0 : length;
    const PathBursts& bursts = path.bursts.get(in.timing.params, out.timing.params, ext, address,
                                               target_address, bytes);
    Transfer t(static_cast<unsigned>(id), region->target, is_write, bytes, bursts.initiator_side,
               bursts.target_side, in.timing, out.timing, ext ? ext->qos : uint8_t{0}, breakdown);

    const TimeUnits forward = policy.forward(t, now + entry);
    delay += forward_time_(forward);
    const TimeUnits before_target = entry + forward;
    trans.set_address(target_address);
    if (ext) ext->target_data_time = sc_core::SC_ZERO_TIME;
    sc_core::sc_time explained_before;
    if (breakdown) explained_before = breakdown->total();
    downstream[region->target]->b_transport(trans, delay);
    trans.set_address(address);
    const TimeUnits after_target = delay.value();
    if (breakdown) add_target_part(out, *breakdown, before_target, after_target, explained_before);
    if (ext) t.target_data_time = ext->target_data_time.value();
    const TimeUnits extra = policy.backward(t, now + after_target);
    if (extra) delay += backward_time_(extra);
    const TimeUnits data_time = t.data_end - t.data_start;
    // Our data phase, for the interconnect before us (axi_extension.h).
    if (ext) ext->target_data_time = data_time_(data_time);

    const bool ok = trans.is_response_ok();
    const TimeUnits latency = after_target + extra - entry;
    if (units_are_ps_)
        path.counters.record(ok, bytes, t.initiator_side, t.target_side, latency, data_time, t.wait);
    else
        path.counters.record(ok, bytes, t.initiator_side, t.target_side, to_ps_(latency),
                             to_ps_(data_time), to_ps_(t.wait));
    if (ok && bytes && path.initiator_bandwidth) {
        // Both ports' series or neither (one window per interconnect).
        const uint64_t start_ps = units_are_ps_ ? t.data_start : to_ps_(t.data_start);
        const uint64_t end_ps = units_are_ps_ ? t.data_end : to_ps_(t.data_end);
        const double amount = static_cast<double>(bytes);
        path.initiator_bandwidth->add(start_ps, end_ps, amount);
        path.target_bandwidth->add(start_ps, end_ps, amount);
    }
    if (outermost && check_breakdown_)
        check_breakdown(in, trans, *ext, delay - sc_core::sc_time::from_value(entry));
}

void AxiInterconnect::answer_decerr(Port& in, tlm::tlm_generic_payload& trans,
                                    sc_core::sc_time& delay, AxiExtension* ext, bool outermost,
                                    TimeUnits now, TimeUnits entry) {
    const TimeUnits cost = timing_->decode_error(in.timing, now + entry);
    delay = sc_core::sc_time::from_value(entry + cost);
    if (ext && ext->record_breakdown) add_part(ext->breakdown, in.timing.labels.address.c_str(), cost);
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    ++in.counters.decerr;
    report_decerr(in, trans, sc_core::sc_time::from_value(now + entry));
    if (ext) ext->target_data_time = sc_core::SC_ZERO_TIME;
    if (outermost && check_breakdown_) check_breakdown(in, trans, *ext, sc_core::sc_time::from_value(cost));
}

void AxiInterconnect::add_target_part(const Port& out, LatencyBreakdown& breakdown,
                                      TimeUnits before_target, TimeUnits after_target,
                                      const sc_core::sc_time& explained_before) const {
    // The target's time it did not itemise, so the parts still sum to the delay.
    const TimeUnits target_time = after_target - before_target;
    const TimeUnits explained = (breakdown.total() - explained_before).value();
    if (target_time > explained)
        breakdown.add(out.timing.labels.target.c_str(),
                      sc_core::sc_time::from_value(target_time - explained));
}

void AxiInterconnect::check_breakdown(const Port& port, const tlm::tlm_generic_payload& trans,
                                      const AxiExtension& ext, const sc_core::sc_time& delay) {
    ++breakdown_checked_;
    const bool sums = ext.breakdown.total() == delay;
    if (sums && !log_breakdown_) return;
    char head[200];
    std::snprintf(head, sizeof head, "%s%s %s %u bytes at 0x%llx via %s, delay %.3f ns: ",
                  sums ? "" : "breakdown does not sum to the delay: ",
                  *ext.initiator ? ext.initiator : port.timing.params.name.c_str(),
                  trans.is_write() ? "write" : "read", trans.get_data_length(),
                  static_cast<unsigned long long>(trans.get_address()),
                  port.timing.params.name.c_str(), delay.to_seconds() * 1e9);
    if (sums) {
        log_info(name(), head + ext.breakdown.to_string());
        return;
    }
    if (breakdown_mismatches_++ == 0) log_warning(name(), head + ext.breakdown.to_string());
}

void AxiInterconnect::report_decerr(Port& port, const tlm::tlm_generic_payload& trans,
                                    const sc_core::sc_time& local_time) {
    const uint64_t address = trans.get_address();
    // A driver polling a bad address would flood the log: one line per run of repeats.
    if (port.decerr_logged > 0 && address == port.last_decerr_address) {
        ++port.decerr_repeats;
        return;
    }
    if (port.decerr_logged >= params_.decerr_log_limit) return;
    const uint64_t repeats = port.decerr_repeats;
    port.last_decerr_address = address;
    port.decerr_repeats = 0;
    ++port.decerr_logged;

    const AddressRegion* holder = map_.find(address);
    char msg[512];
    std::snprintf(msg, sizeof msg,
                  "DECERR at %.3f us (local time): initiator port '%s' %s of %u bytes at 0x%llx %s%s%s",
                  local_time.to_seconds() * 1e6, port.timing.params.name.c_str(),
                  trans.is_write() ? "write" : "read", trans.get_data_length(),
                  static_cast<unsigned long long>(address),
                  holder ? "runs past the end of region '" : "hits no region",
                  holder ? holder->name.c_str() : "", holder ? "'" : "");
    std::string text = msg;
    if (repeats)
        text += " (the previous DECERR address repeated " + std::to_string(repeats) + " more times)";
    if (port.decerr_logged == params_.decerr_log_limit)
        text += "; further DECERRs on this port are counted in " + std::string(basename()) + "." +
                port.timing.params.name + ".decerr but not logged";
    log_warning(name(), text);
}

unsigned int AxiInterconnect::transport_dbg(int, tlm::tlm_generic_payload& trans) {
    const uint64_t address = trans.get_address();
    const AddressRegion* region = map_.decode(address, trans.get_data_length());
    if (!region) return 0;
    trans.set_address(region->to_target(address));
    const unsigned int n = downstream[region->target]->transport_dbg(trans);
    trans.set_address(address);
    return n;
}

bool AxiInterconnect::get_direct_mem_ptr(int, tlm::tlm_generic_payload& trans,
                                         tlm::tlm_dmi& dmi) {
    const uint64_t address = trans.get_address();
    const AddressRegion* region = map_.find(address);
    if (!region) {
        // Deny for the whole gap, so the initiator does not ask again anywhere in it.
        uint64_t first = 0, last = 0;
        map_.gap_around(address, first, last);
        dmi.set_start_address(first);
        dmi.set_end_address(last);
        return false;
    }
    trans.set_address(region->to_target(address));
    const bool granted = downstream[region->target]->get_direct_mem_ptr(trans, dmi);
    trans.set_address(address);

    // The target answers in its own address space and may cover more than this window
    // (the OCM grants beyond the low window's 192 KiB): clip to the window, then translate.
    const uint64_t window_first = region->target_offset;
    const uint64_t window_last = region->target_offset + (region->size - 1);
    uint64_t first = dmi.get_start_address();
    uint64_t last = dmi.get_end_address();
    if (first < window_first) {
        if (dmi.get_dmi_ptr()) dmi.set_dmi_ptr(dmi.get_dmi_ptr() + (window_first - first));
        first = window_first;
    }
    last = std::min(last, window_last);
    const uint64_t target_address = region->to_target(address);
    if (first > target_address || last < target_address) {
        // A target whose range misses the address it was asked about: deny just it.
        dmi.set_start_address(address);
        dmi.set_end_address(address);
        return false;
    }
    dmi.set_start_address(region->from_target(first));
    dmi.set_end_address(region->from_target(last));
    return granted;
}

void AxiInterconnect::invalidate_direct_mem_ptr(int id, sc_dt::uint64 start, sc_dt::uint64 end) {
    // Every window onto this target may have handed out a pointer into the range.
    for (const AddressRegion& r : map_.regions()) {
        if (r.target != static_cast<unsigned>(id)) continue;
        const uint64_t first = std::max<uint64_t>(start, r.target_offset);
        const uint64_t last = std::min<uint64_t>(end, r.target_offset + (r.size - 1));
        if (first > last) continue;
        for (unsigned i = 0; i < upstream.size(); ++i)
            upstream[i]->invalidate_direct_mem_ptr(r.from_target(first), r.from_target(last));
    }
}

}  // namespace vp
