#include "vp/platform/minized_memory_checks.h"

#include "vp/cpu/elf_loader.h"

namespace vp {
namespace {

// The windows the PS interconnect decodes to memory (minized_platform.cpp maps them).
const std::vector<std::string> kPsMemories = {"ddr", "ocm_low", "ocm_high"};

MemoryArea traffic_area(const TrafficParams& t, bool write, unsigned group) {
    return write ? MemoryArea{"traffic.write_address", "the traffic generator's copy destination, traffic.span_bytes long",
                              t.write_address, t.write_address + t.span_bytes, group}
                 : MemoryArea{"traffic.read_address", "the traffic generator's copy source, traffic.span_bytes long",
                              t.read_address, t.read_address + t.span_bytes, group};
}

}  // namespace

void check_traffic_in_memory(const TrafficParams& traffic, const AddressMap& ps) {
    if (!traffic.enable) return;
    check_area_in_memory(traffic_area(traffic, false, 0), ps, kPsMemories);
    check_area_in_memory(traffic_area(traffic, true, 0), ps, kPsMemories);
}

void check_memory_writers_apart(const TrafficParams& traffic, const std::vector<MemoryArea>& job,
                                const ElfImage* program) {
    enum Group : unsigned { kJob, kProgram, kTraffic };
    std::vector<MemoryArea> areas;
    for (MemoryArea a : job) {
        a.group = kJob;  // the job's areas among themselves: write_job_image checked them
        areas.push_back(a);
    }
    if (program)
        for (const ElfSegment& s : program->segments)
            if (s.memory_bytes)
                areas.push_back({"cpu.elf " + program->path, "the segment of program header " + std::to_string(s.header),
                                 s.address, uint64_t{s.address} + s.memory_bytes, kProgram});
    if (traffic.enable) areas.push_back(traffic_area(traffic, true, kTraffic));
    check_areas_apart(areas, "the job, the program and the traffic generator's writes must not share memory");
}

}  // namespace vp
