#include "vp/memory/dram/memory_timing_factory.h"

#include <sstream>

#include "vp/config/config.h"
#include "vp/memory/dram/dram_timing.h"
#include "vp/memory/dram/ideal_timing.h"
#include "vp/memory/ram.h"

namespace vp {
namespace {

// "ddr.rows = 1024 (--set)" for messages.
std::string key_with_origin(const Config& c, const std::string& key) {
    return key + " = " + c.get_text(key) + " (" + c.origin(key) + ")";
}

// The device must hold every byte of the memory's window: the address mapping wraps
// row, bank and column bits, so a smaller part would alias addresses silently (two
// addresses, one cell). Checked where both the window (<prefix>.size_bytes, the Ram's)
// and the part are known.
void check_device_holds_window(const Config& c, const std::string& prefix, const DramParams& d) {
    const std::string size_key = prefix + ".size_bytes";
    if (!c.schema().find(size_key)) return;  // a bare DRAM model (tests): no window
    const uint64_t window = c.get_uint(size_key);
    // The schema bounds (banks <= 256, rows <= 2^30, columns <= 2^20, bus <= 128 bytes)
    // allow 2^65: multiply in long double, exact up to 2^64, before the uint64_t product.
    const long double product = static_cast<long double>(d.row_bytes()) * d.rows * d.banks;
    if (product >= static_cast<long double>(window)) return;
    const uint64_t capacity = d.capacity_bytes();
    std::ostringstream os;
    os << "the DRAM part is smaller than the memory window: " << key_with_origin(c, prefix + ".banks") << " x "
       << key_with_origin(c, prefix + ".rows") << " x " << key_with_origin(c, prefix + ".columns") << " x "
       << key_with_origin(c, prefix + ".bus_width_bits") << " / 8 = " << capacity << " bytes, but "
       << key_with_origin(c, size_key) << " is " << window
       << " bytes; addresses beyond the part would alias (give a larger part, or a smaller " << size_key << ")";
    throw ConfigError(os.str());
}

// <prefix>.priority_port names a port whenever it is given, as <ic>.priority_order does:
// a typo must not lie in wait until arbitration is switched to fixed_priority.
void check_priority_port(const Config& c, const std::string& prefix, const std::vector<std::string>& port_names) {
    const std::string key = prefix + ".priority_port";
    if (!c.is_set(key)) return;
    const std::string port = c.get_string(key);
    for (const auto& n : port_names)
        if (n == port) return;
    std::string known;
    for (const auto& n : port_names) known += " " + n;
    throw ConfigError(key + " = '" + port + "' (" + c.origin(key) + "): no such port on this memory (ports:" +
                      known + ")");
}

}  // namespace

void declare_memory_timing(ConfigSchema& s, const std::string& prefix) {
    s.add_string(prefix + ".timing", "simple",
                 "memory timing model: dram = banks, rows, refresh and the controller, from "
                 "the part's timings (" + prefix + ".preset); simple = latency_ns + bytes / "
                 "bandwidth_bytes_per_s; ideal = no delay",
                 {"dram", "simple", "ideal"});
    DramParams::declare(s, prefix);
}

std::unique_ptr<MemoryTimingPolicy> make_memory_timing(const Config& c, const std::string& prefix,
                                                       const std::vector<std::string>& port_names) {
    check_priority_port(c, prefix, port_names);
    const std::string kind = c.get_string(prefix + ".timing");
    if (kind == "ideal") return std::make_unique<IdealTiming>();
    if (kind == "dram") {
        const DramParams p = DramParams::from_config(c, prefix);
        check_device_holds_window(c, prefix, p);
        return std::make_unique<DramTiming>(p, make_port_arbiter(p, prefix, port_names));
    }
    const RamParams ram = RamParams::from_config(c, prefix);
    return std::make_unique<BandwidthTiming>(ram.latency_ns, ram.bandwidth_bytes_per_s);
}

}  // namespace vp
