#include "vp/interconnect/axi_interconnect.h"

#include <algorithm>
#include <cstdio>

#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/stats/stats.h"

namespace vp {

void InterconnectParams::declare(ConfigSchema& s, const std::string& prefix) {
    const InterconnectParams d;
    s.add_string(prefix + ".timing", d.timing,
                 "interconnect timing policy: fixed = per-port latencies + slowest port's data time, no contention",
                 timing_policy_names());
    s.add_uint(prefix + ".decerr_log_limit", d.decerr_log_limit, "messages",
               "DECERR warnings per initiator port before the port goes quiet (still counted)", 0, 1e9);
}

InterconnectParams InterconnectParams::from_config(const Config& c, const std::string& prefix) {
    InterconnectParams p;
    p.timing = c.get_string(prefix + ".timing");
    p.decerr_log_limit = static_cast<unsigned>(c.get_uint(prefix + ".decerr_log_limit"));
    return p;
}

AxiInterconnect::AxiInterconnect(sc_core::sc_module_name name, Stats& stats,
                                 const InterconnectParams& params)
    : sc_module(name),
      upstream("upstream"),
      downstream("downstream"),
      stats_(stats),
      params_(params),
      timing_(make_timing_policy(params.timing)) {
    upstream.register_b_transport(this, &AxiInterconnect::b_transport);
    upstream.register_transport_dbg(this, &AxiInterconnect::transport_dbg);
    upstream.register_get_direct_mem_ptr(this, &AxiInterconnect::get_direct_mem_ptr);
    downstream.register_invalidate_direct_mem_ptr(this, &AxiInterconnect::invalidate_direct_mem_ptr);
}

AxiInterconnect::~AxiInterconnect() = default;

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
    ports.push_back(std::make_unique<Port>(p));
    ports.back()->counters.register_stats(stats_, std::string(basename()) + "." + p.name, initiator);
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
    for (const auto& p : initiators_) in.push_back(&p->timing);
    for (const auto& p : targets_) out.push_back(&p->timing);
    timing_->configure(in, out);
    elaborated_ = true;
}

namespace {

uint64_t to_ps(const sc_core::sc_time& t) {
    static const double ps_per_unit = sc_core::sc_get_time_resolution().to_seconds() * 1e12;
    return static_cast<uint64_t>(static_cast<double>(t.value()) * ps_per_unit + 0.5);
}

}  // namespace

void AxiInterconnect::b_transport(int id, tlm::tlm_generic_payload& trans,
                                  sc_core::sc_time& delay) {
    Port& in = *initiators_[id];
    const uint64_t address = trans.get_address();
    const uint64_t length = trans.get_data_length();
    const sc_core::sc_time entry = delay;
    const sc_core::sc_time now = sc_core::sc_time_stamp();

    const AddressRegion* region = map_.decode(address, length);
    if (!region) {
        delay += timing_->decode_error(in.timing, now + delay);
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        ++in.counters.decerr;
        report_decerr(in, trans, now + entry);
        return;
    }
    Port& out = *targets_[region->target];
    const uint64_t target_address = region->to_target(address);

    Transfer t;
    t.initiator = static_cast<unsigned>(id);
    t.target = region->target;
    t.is_write = trans.is_write();
    t.bytes = trans.get_command() == tlm::TLM_IGNORE_COMMAND ? 0 : length;
    t.initiator_side = count_bursts(address, t.bytes, in.timing.params.width_bytes,
                                    in.timing.params.max_burst_beats);
    t.target_side = count_bursts(target_address, t.bytes, out.timing.params.width_bytes,
                                 out.timing.params.max_burst_beats);
    t.initiator_port = &in.timing;
    t.target_port = &out.timing;

    delay += timing_->forward(t, now + delay);
    trans.set_address(target_address);
    downstream[region->target]->b_transport(trans, delay);
    trans.set_address(address);
    delay += timing_->backward(t, now + delay);

    const uint64_t latency_ps = to_ps(delay - entry);
    const bool ok = trans.is_response_ok();
    in.counters.record(t.is_write, t.bytes, t.initiator_side, latency_ps, ok);
    out.counters.record(t.is_write, t.bytes, t.target_side, latency_ps, ok);
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
