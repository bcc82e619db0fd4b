// Configuration-time checks of what writes the MiniZed's memory besides the running
// program's own stores: the traffic generator's ranges must be memory its port reaches,
// and the job, the ARM program's loaded segments and the traffic generator's copy
// destination must not share a byte (memory_areas.h says why).
#pragma once

#include <vector>

#include "vp/interconnect/address_map.h"
#include "vp/platform/memory_areas.h"
#include "vp/traffic/traffic_generator.h"

namespace vp {

struct ElfImage;

// Throws ConfigError naming traffic.read_address or traffic.write_address (and
// traffic.span_bytes) and the memory windows of the PS interconnect (`ps`) when a copy
// range is not all in one of them (DDR, OCM): the generator would be answered with
// errors, or write a device.
void check_traffic_in_memory(const TrafficParams& traffic, const AddressMap& ps);

// Throws ConfigError naming both when the job's areas (job_areas()), the segments of the
// ARM program (`program`, when the CPU is the ISS: cpu.elf's PT_LOAD ranges, .bss
// included) and the traffic generator's copy destination (traffic.enable) overlap.
void check_memory_writers_apart(const TrafficParams& traffic, const std::vector<MemoryArea>& job,
                                const ElfImage* program);

}  // namespace vp
