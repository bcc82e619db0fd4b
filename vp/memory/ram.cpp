#include "vp/memory/ram.h"

#include <algorithm>
#include <cstdio>

#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/interconnect/axi_extension.h"
#include "vp/memory/read_in_place.h"
#include "vp/stats/stats.h"

namespace vp {

void RamParams::declare(ConfigSchema& s, const std::string& prefix, const RamParams& d) {
    s.add_uint(prefix + ".size_bytes", d.size_bytes, "bytes", "memory size", 1, 1099511627776.0);
    s.add_double(prefix + ".latency_ns", d.latency_ns, "ns", "request to first data (fixed part of every access)", 0, 1e9);
    s.add_double(prefix + ".bandwidth_bytes_per_s", d.bandwidth_bytes_per_s, "bytes/s",
                 "data bus bandwidth, shared by all ports", 1, 1e13);
}

void RamParams::declare(ConfigSchema& s, const std::string& prefix) {
    declare(s, prefix, RamParams());
}

RamParams RamParams::from_config(const Config& c, const std::string& prefix) {
    RamParams p;
    p.size_bytes = c.get_uint(prefix + ".size_bytes");
    p.latency_ns = c.get_double(prefix + ".latency_ns");
    p.bandwidth_bytes_per_s = c.get_double(prefix + ".bandwidth_bytes_per_s");
    return p;
}

// ---------------------------------------------------------------------------------------

BandwidthTiming::BandwidthTiming(double latency_ns, double bandwidth_bytes_per_s)
    : latency_(latency_ns, sc_core::SC_NS),
      seconds_per_byte_(1.0 / bandwidth_bytes_per_s),
      units_per_byte_(seconds_per_byte_ / sc_core::sc_get_time_resolution().to_seconds()) {}

sc_core::sc_time BandwidthTiming::access(unsigned, bool, uint64_t, uint64_t bytes,
                                         const sc_core::sc_time& arrival,
                                         LatencyBreakdown* breakdown) {
    const sc_core::sc_time ready = arrival + latency_;
    const sc_core::sc_time start = ready < bus_free_ ? bus_free_ : ready;
    const sc_core::sc_time data = sc_core::sc_time::from_value(static_cast<sc_core::sc_time::value_type>(
        static_cast<double>(bytes) * units_per_byte_ + 0.5));
    bus_free_ = start + data;
    last_data_ = data;
    if (breakdown) {
        breakdown->add(label_latency_.c_str(), latency_);
        breakdown->add(label_queue_.c_str(), start - ready);
        breakdown->add(label_data_.c_str(), data);
    }
    return bus_free_ - arrival;
}

void BandwidthTiming::elaborate(const std::string& name, const std::vector<std::string>&, Stats&) {
    label_latency_ = name + ".latency";
    label_queue_ = name + ".queue";
    label_data_ = name + ".data";
}

sc_core::sc_time BandwidthTiming::dmi_latency_per_byte(bool) const {
    return sc_core::sc_time(seconds_per_byte_, sc_core::SC_SEC);
}

// ---------------------------------------------------------------------------------------

Ram::Ram(sc_core::sc_module_name name, const RamParams& params, Stats& stats,
         std::vector<std::string> port_names)
    : sc_module(name),
      socket("socket"),
      params_(params),
      stats_(stats),
      storage_(params.size_bytes),
      port_names_(std::move(port_names)) {
    if (params.size_bytes == 0) throw ConfigError(std::string(this->name()) + ": size_bytes must be positive");
    if (!(params.bandwidth_bytes_per_s > 0))
        throw ConfigError(std::string(this->name()) + ": bandwidth_bytes_per_s must be positive");
    if (!(params.latency_ns >= 0))
        throw ConfigError(std::string(this->name()) + ": latency_ns must not be negative");
    timing_ = std::make_unique<BandwidthTiming>(params.latency_ns, params.bandwidth_bytes_per_s);
    socket.register_b_transport(this, &Ram::b_transport);
    socket.register_transport_dbg(this, &Ram::transport_dbg);
    socket.register_get_direct_mem_ptr(this, &Ram::get_direct_mem_ptr);
}

Ram::~Ram() = default;

void Ram::name_port(unsigned index, std::string port_name) {
    if (index >= port_names_.size()) port_names_.resize(index + 1);
    port_names_[index] = std::move(port_name);
}

void Ram::set_timing_policy(std::unique_ptr<MemoryTimingPolicy> policy) {
    timing_ = std::move(policy);
}

void Ram::register_stats(const std::string& p, const PortCounters& c) {
    stats_.add_counter(p + ".reads", &c.reads, "", "read transactions");
    stats_.add_counter(p + ".writes", &c.writes, "", "write transactions");
    stats_.add_counter(p + ".read_bytes", &c.read_bytes, "bytes", "bytes read");
    stats_.add_counter(p + ".write_bytes", &c.write_bytes, "bytes", "bytes written");
    stats_.add_counter(p + ".errors", &c.errors, "", "accesses answered with an error");
}

void Ram::end_of_elaboration() {
    ports_.resize(socket.size());
    const std::string base = basename();
    register_stats(base, total_);
    std::vector<std::string> names;
    for (size_t i = 0; i < ports_.size(); ++i) {
        const bool named = i < port_names_.size() && !port_names_[i].empty();
        names.push_back(named ? port_names_[i] : "port" + std::to_string(i));
        register_stats(base + "." + names.back(), ports_[i]);
    }
    timing_->elaborate(base, names, stats_);
    const SparseStorage* storage = &storage_;
    stats_.add_derived(base + ".pages_allocated",
                       [storage] { return static_cast<double>(storage->pages_allocated()); },
                       "pages", "64 KiB pages holding host memory (touched)");
}

void Ram::copy_with_byte_enables(tlm::tlm_generic_payload& trans) {
    const uint64_t address = trans.get_address();
    const unsigned length = trans.get_data_length();
    const unsigned char* be = trans.get_byte_enable_ptr();
    const unsigned be_length = trans.get_byte_enable_length();
    unsigned char* data = trans.get_data_ptr();
    // Copy runs of enabled bytes, so a mask like 0xFF00 costs two copies, not 16.
    unsigned i = 0;
    while (i < length) {
        if (be[i % be_length] != TLM_BYTE_ENABLED) { ++i; continue; }
        unsigned run = 1;
        while (i + run < length && be[(i + run) % be_length] == TLM_BYTE_ENABLED) ++run;
        if (trans.is_write()) storage_.write(address + i, data + i, run);
        else storage_.read(address + i, data + i, run);
        i += run;
    }
}

tlm::tlm_response_status Ram::access(tlm::tlm_generic_payload& trans) {
    const uint64_t address = trans.get_address();
    const uint64_t length = trans.get_data_length();
    tlm::tlm_response_status status = tlm::TLM_OK_RESPONSE;
    const unsigned streaming = trans.get_streaming_width();
    if (streaming != 0 && streaming < length)
        status = tlm::TLM_BURST_ERROR_RESPONSE;
    else if (address > params_.size_bytes || length > params_.size_bytes - address)
        status = tlm::TLM_ADDRESS_ERROR_RESPONSE;
    else if (trans.get_command() == tlm::TLM_IGNORE_COMMAND)
        ;
    else if (trans.get_byte_enable_ptr() && trans.get_byte_enable_length())
        copy_with_byte_enables(trans);
    else if (trans.is_write())
        storage_.write(address, trans.get_data_ptr(), length);
    else if (!serve_read_in_place(trans, storage_.data() + address))
        storage_.read(address, trans.get_data_ptr(), length);
    trans.set_response_status(status);
    return status;
}

// Out of line: rare, and its message buffer made every b_transport's frame larger.
void Ram::count_error(int port, const tlm::tlm_generic_payload& trans) {
    PortCounters& c = ports_[port];
    ++c.errors;
    ++total_.errors;
    if (!c.error_logged) {  // a runaway initiator would flood the log: first one per port
        c.error_logged = true;
        char msg[256];
        std::snprintf(msg, sizeof msg,
                      "%s of %u bytes at 0x%llx on port %d: %s (size 0x%llx); further errors "
                      "on this port are only counted",
                      trans.is_write() ? "write" : "read", trans.get_data_length(),
                      static_cast<unsigned long long>(trans.get_address()), port,
                      trans.get_response_string().c_str(),
                      static_cast<unsigned long long>(params_.size_bytes));
        log_warning(name(), msg);
    }
}

void Ram::b_transport(int port, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    PortCounters& c = ports_[port];
    if (access(trans) != tlm::TLM_OK_RESPONSE) {
        count_error(port, trans);
        return;
    }
    if (trans.get_command() == tlm::TLM_IGNORE_COMMAND) return;
    const uint64_t bytes = trans.get_data_length();
    const bool is_write = trans.is_write();
    if (is_write) {
        ++c.writes; c.write_bytes += bytes; ++total_.writes; total_.write_bytes += bytes;
    } else {
        ++c.reads; c.read_bytes += bytes; ++total_.reads; total_.read_bytes += bytes;
    }
    trans.set_dmi_allowed(true);
    // The extension looked up once (breakdown_of() would be a second lookup).
    AxiExtension* ext = trans.get_extension<AxiExtension>();
    LatencyBreakdown* breakdown = ext && ext->record_breakdown ? &ext->breakdown : nullptr;
    delay += timing_->access(static_cast<unsigned>(port), is_write, trans.get_address(), bytes,
                             sc_core::sc_time_stamp() + delay, breakdown);
    if (ext) ext->target_data_time = timing_->last_data_time();
}

unsigned int Ram::transport_dbg(int, tlm::tlm_generic_payload& trans) {
    // A loader may write a large image in one call; the streaming-width rule does not apply.
    const uint64_t address = trans.get_address();
    const uint64_t length = trans.get_data_length();
    if (address > params_.size_bytes || length > params_.size_bytes - address) return 0;
    if (trans.is_write()) storage_.write(address, trans.get_data_ptr(), length);
    else if (trans.is_read()) storage_.read(address, trans.get_data_ptr(), length);
    return static_cast<unsigned int>(length);
}

bool Ram::get_direct_mem_ptr(int, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi) {
    const uint64_t address = trans.get_address();
    if (address >= params_.size_bytes) {
        dmi.set_start_address(params_.size_bytes);
        dmi.set_end_address(~uint64_t{0});
        return false;
    }
    dmi.set_dmi_ptr(storage_.data());
    dmi.set_start_address(0);
    dmi.set_end_address(params_.size_bytes - 1);
    dmi.allow_read_write();
    dmi.set_read_latency(timing_->dmi_latency_per_byte(false));
    dmi.set_write_latency(timing_->dmi_latency_per_byte(true));
    return true;
}

}  // namespace vp
