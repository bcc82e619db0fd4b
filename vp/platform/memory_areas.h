// Memory that one party of the MiniZed platform writes and no other may: the job's areas
// (written by vp, the application and the DMA), the ARM program's loaded segments, the
// traffic generator's copy destination. Each is placed by configuration; two sharing
// memory corrupt each other and the run looks like a model bug (an undefined instruction,
// outputs that differ from the gold), so such placements are refused before anything runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vp/interconnect/address_map.h"

namespace vp {

struct MemoryArea {
    std::string key;   // what places it: "software.rx_address", "cpu.elf (program header 1)"
    std::string what;  // what it holds: "the receive buffer"
    uint64_t start = 0, end = 0;  // [start, end)
    unsigned group = 0;           // areas of one group are not compared with each other
};

// "software.rx_address (the receive buffer, 0x7a8..0x827)".
std::string describe(const MemoryArea& area);

// Throws ConfigError "<a> overlaps <b>: move one of them (<why>)" for the first two areas
// of different groups that share a byte.
void check_areas_apart(const std::vector<MemoryArea>& areas, const std::string& why);

// Throws ConfigError naming `area` and the memory windows of `map` (those named in
// `memories`) when the area does not lie within one of them.
void check_area_in_memory(const MemoryArea& area, const AddressMap& map, const std::vector<std::string>& memories);

}  // namespace vp
