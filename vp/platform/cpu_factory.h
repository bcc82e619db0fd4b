// Builds the CPU model named by cpu.model, running the platform's program.
#pragma once

#include <cstdint>
#include <memory>

#include "vp/config/config.h"
#include "vp/cpu/cpu.h"

namespace vp {

class Stats;

// descriptor_address: the job descriptor the program receives as its argument.
std::unique_ptr<Cpu> make_cpu(const Config& config, Stats& stats, uint32_t descriptor_address);

}  // namespace vp
