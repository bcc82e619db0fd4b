#include "vp/interconnect/port_params.h"

#include <cmath>

#include "vp/config/config.h"

namespace vp {

void PortParams::validate(const std::string& context) const {
    const std::string where = context + ": port '" + name + "': ";
    if (name.empty()) throw ConfigError(context + ": a port needs a name");
    // A power of two up to 4 KiB, so a beat never straddles a 4 KiB boundary.
    if (width_bytes == 0 || (width_bytes & (width_bytes - 1)) != 0 || width_bytes > 4096)
        throw ConfigError(where + "width_bytes = " + std::to_string(width_bytes) +
                          ", expected a power of two from 1 to 4096");
    if (!(clock_hz > 0) || !std::isfinite(clock_hz))
        throw ConfigError(where + "clock_hz must be positive");
    if (max_burst_beats == 0)
        throw ConfigError(where + "max_burst_beats must be at least 1");
}

void PortParams::declare(ConfigSchema& s, const std::string& prefix, const PortParams& d) {
    s.add_uint(prefix + ".width_bytes", d.width_bytes, "bytes", "data bus width of the port", 1, 4096);
    s.add_uint(prefix + ".clock_hz", static_cast<uint64_t>(d.clock_hz), "Hz", "clock of the port", 1, 1e11);
    s.add_uint(prefix + ".max_burst_beats", d.max_burst_beats, "beats", "longest burst (AXI3: 16, AXI4: 256)", 1, 65536);
    s.add_uint(prefix + ".latency_cycles", d.latency_cycles, "cycles", "fixed cost of crossing the port, in its clock", 0, 1e6);
    s.add_uint(prefix + ".max_outstanding_reads", d.max_outstanding_reads, "transactions",
               "reads in flight at once through the port (0 = unlimited; contention timing only)", 0, 1e6);
    s.add_uint(prefix + ".max_outstanding_writes", d.max_outstanding_writes, "transactions",
               "writes in flight at once through the port (0 = unlimited; contention timing only)", 0, 1e6);
}

PortParams PortParams::from_config(const Config& c, const std::string& prefix,
                                   const std::string& name) {
    PortParams p;
    p.name = name;
    p.width_bytes = static_cast<unsigned>(c.get_uint(prefix + ".width_bytes"));
    p.clock_hz = static_cast<double>(c.get_uint(prefix + ".clock_hz"));
    p.max_burst_beats = static_cast<unsigned>(c.get_uint(prefix + ".max_burst_beats"));
    p.latency_cycles = static_cast<unsigned>(c.get_uint(prefix + ".latency_cycles"));
    p.max_outstanding_reads = static_cast<unsigned>(c.get_uint(prefix + ".max_outstanding_reads"));
    p.max_outstanding_writes = static_cast<unsigned>(c.get_uint(prefix + ".max_outstanding_writes"));
    p.validate(prefix);
    return p;
}

}  // namespace vp
