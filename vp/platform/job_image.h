// Places a job (network, stimulus, gold, buffers) in the SoC's memory for the
// application, and fills the descriptor that tells the application where it all is
// (software/include/vp_job.h). The application itself is never rebuilt per network.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "software/include/vp_job.h"
#include "vp/platform/memory_areas.h"
#include "vp/workload/workload.h"

namespace vp {

struct JobAddresses {
    uint32_t descriptor = 0;  // from software.descriptor_address
    uint32_t data = 0;        // software.data_address: start of the data area
    uint32_t rx = 0;          // software.rx_address: S2MM receive buffer
};

struct DeviceMap {
    uint32_t uart_base = 0, timer_base = 0, timer_hz = 0;
    uint32_t dma_base = 0, dma_mm_width_bytes = 0, dma_max_length_bytes = 0;
    uint32_t edgedrnn_base = 0;
};

// Writes bytes at a physical address (through the bus's debug transport); throws
// ConfigError naming the address when the range is not memory.
using MemoryWriter = std::function<void(uint32_t address, const void* data, uint32_t bytes)>;

// Lays the job out from addresses.data upwards (each array 8-byte aligned: the DMA has
// no realignment engine), writes it, writes the descriptor, and returns the descriptor.
// Throws ConfigError naming both keys when the descriptor (software.descriptor_address),
// the data area (software.data_address) and the receive buffer (software.rx_address)
// overlap, before anything is written.
vp_job_descriptor write_job_image(const Network& net, const Stimulus& stim,
                                  const JobAddresses& at, const DeviceMap& devices,
                                  const MemoryWriter& write);

// The job's areas as write_job_image placed them, all in group 0: the descriptor, the data
// area (weights up to the end of the results) and the receive buffer. For checks against
// what else writes memory (the ARM program, the traffic generator).
std::vector<MemoryArea> job_areas(const JobAddresses& at, const vp_job_descriptor& descriptor,
                                  const Network& net, const Stimulus& stim);

}  // namespace vp
