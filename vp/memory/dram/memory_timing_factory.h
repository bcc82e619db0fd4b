// Chooses a memory's timing model from config: `<prefix>.timing` =
//   dram   - the DDR controller and device model (dram_timing.h), from <prefix>.preset
//            and the keys beside it;
//   simple - latency_ns + bytes / bandwidth_bytes_per_s on one shared data bus
//            (BandwidthTiming, ram.h);
//   ideal  - no delay at all: what the rest of the platform costs without the memory.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace vp {

class Config;
class ConfigSchema;
class MemoryTimingPolicy;

// Declares <prefix>.timing and the DRAM keys (DramParams::declare). The simple model's
// keys (<prefix>.latency_ns, .bandwidth_bytes_per_s) are RamParams'.
void declare_memory_timing(ConfigSchema& schema, const std::string& prefix);

// port_names: the memory's ports in binding order (for fixed_priority arbitration).
// Throws ConfigError naming the key for a bad or incomplete DRAM description, a DRAM part
// smaller than <prefix>.size_bytes, or a <prefix>.priority_port (whenever given) that is
// not one of port_names.
std::unique_ptr<MemoryTimingPolicy> make_memory_timing(const Config& config, const std::string& prefix,
                                                       const std::vector<std::string>& port_names);


}  // namespace vp
