#include "vp/traffic/traffic_generator.h"

#include <sstream>

#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/interconnect/axi_extension.h"
#include "vp/stats/stats.h"

namespace vp {

void TrafficParams::declare(ConfigSchema& s) {
    const TrafficParams d;
    s.add_bool("traffic.enable", d.enable,
               "stream memcpy-like traffic (read, then write) to memory through the PS interconnect for the whole run");
    s.add_uint("traffic.read_address", d.read_address, "", "traffic: copy source address", 0, 4294967295.0);
    s.add_uint("traffic.write_address", d.write_address, "", "traffic: copy destination address", 0, 4294967295.0);
    s.add_uint("traffic.span_bytes", d.span_bytes, "bytes", "traffic: the copy wraps around after this many bytes", 1, 1e9);
    s.add_uint("traffic.transaction_bytes", d.transaction_bytes, "bytes",
               "traffic: bytes per read and per write (32 = Cortex-A9 cache lines)", 1, 1 << 20);
    s.add_double("traffic.bandwidth_bytes_per_s", d.bandwidth_bytes_per_s, "bytes/s",
                 "traffic: copy rate cap (0 = as fast as the path allows)", 0, 1e12);
    s.add_uint("traffic.start_ns", d.start_ns, "ns", "traffic: simulated time of the first transaction", 0, 1e15);
}

TrafficParams TrafficParams::from_config(const Config& c) {
    TrafficParams p;
    p.enable = c.get_bool("traffic.enable");
    p.read_address = c.get_uint("traffic.read_address");
    p.write_address = c.get_uint("traffic.write_address");
    p.span_bytes = c.get_uint("traffic.span_bytes");
    p.transaction_bytes = c.get_uint("traffic.transaction_bytes");
    p.bandwidth_bytes_per_s = c.get_double("traffic.bandwidth_bytes_per_s");
    p.start_ns = c.get_uint("traffic.start_ns");
    if (p.transaction_bytes > p.span_bytes)
        throw ConfigError("traffic.transaction_bytes exceeds traffic.span_bytes");
    return p;
}

TrafficGenerator::TrafficGenerator(sc_core::sc_module_name name, const TrafficParams& params,
                                   Stats& stats)
    : sc_module(name), socket("socket"), params_(params), buffer_(params.transaction_bytes) {
    attach_axi_extension(trans_, "traffic", 0).cache = 0xF;  // write-back, allocate: a cached copy
    SC_HAS_PROCESS(TrafficGenerator);
    SC_THREAD(run);
    const std::string n = basename();
    stats.add_counter(n + ".copied_bytes", &copied_bytes_, "bytes", "bytes copied (read and written once each)");
    stats.add_counter(n + ".errors", &errors_, "", "traffic transactions answered with an error (the generator stops)");
}

bool TrafficGenerator::transfer(tlm::tlm_command command, uint64_t address) {
    trans_.set_command(command);
    trans_.set_address(address);
    trans_.set_data_ptr(buffer_.data());
    trans_.set_data_length(static_cast<unsigned>(buffer_.size()));
    trans_.set_streaming_width(static_cast<unsigned>(buffer_.size()));
    trans_.set_byte_enable_ptr(nullptr);
    trans_.set_dmi_allowed(false);
    trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_core::sc_time delay = qk_.get_local_time();
    socket->b_transport(trans_, delay);
    qk_.set(delay);
    if (trans_.is_response_ok()) return true;
    ++errors_;
    std::ostringstream os;
    os << (command == tlm::TLM_READ_COMMAND ? "read" : "write") << " at 0x" << std::hex << address
       << " answered " << trans_.get_response_string() << "; the traffic generator stops";
    log_warning(name(), os.str());
    return false;
}

void TrafficGenerator::run() {
    if (!params_.enable) return;
    qk_.reset();
    wait(sc_core::sc_time(static_cast<double>(params_.start_ns), sc_core::SC_NS));
    const sc_core::sc_time started = sc_core::sc_time_stamp();
    const double seconds_per_byte = params_.bandwidth_bytes_per_s > 0 ? 1.0 / params_.bandwidth_bytes_per_s : 0.0;
    const uint64_t n = params_.transaction_bytes;
    uint64_t offset = 0;
    for (;;) {
        if (!transfer(tlm::TLM_READ_COMMAND, params_.read_address + offset)) return;
        if (!transfer(tlm::TLM_WRITE_COMMAND, params_.write_address + offset)) return;
        copied_bytes_ += n;
        offset = offset + 2 * n > params_.span_bytes ? 0 : offset + n;
        if (seconds_per_byte > 0) {  // hold the cap: not ahead of bytes / rate
            const sc_core::sc_time due =
                started + sc_core::sc_time(static_cast<double>(copied_bytes_) * seconds_per_byte, sc_core::SC_SEC);
            const sc_core::sc_time local = qk_.get_current_time();
            if (due > local) qk_.inc(due - local);
        }
        if (qk_.need_sync()) qk_.sync();
    }
}

}  // namespace vp
