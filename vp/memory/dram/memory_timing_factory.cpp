#include "vp/memory/dram/memory_timing_factory.h"

#include "vp/config/config.h"
#include "vp/memory/dram/dram_timing.h"
#include "vp/memory/dram/ideal_timing.h"
#include "vp/memory/ram.h"

namespace vp {

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
    const std::string kind = c.get_string(prefix + ".timing");
    if (kind == "ideal") return std::make_unique<IdealTiming>();
    if (kind == "dram") {
        const DramParams p = DramParams::from_config(c, prefix);
        return std::make_unique<DramTiming>(p, make_port_arbiter(p, prefix, port_names));
    }
    const RamParams ram = RamParams::from_config(c, prefix);
    return std::make_unique<BandwidthTiming>(ram.latency_ns, ram.bandwidth_bytes_per_s);
}

}  // namespace vp
