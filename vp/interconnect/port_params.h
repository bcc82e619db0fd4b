// What the platform file says about one port of an AXI interconnect, and one entry of its
// address map. The platform builder fills these from config before elaboration.
#pragma once

#include <cstdint>
#include <string>

namespace vp {

class ConfigSchema;
class Config;

// One AXI port (an initiator side "slave interface" or a target side "master interface").
struct PortParams {
    std::string name;                 // used in statistics: "<interconnect>.<name>.rd.bytes"
    unsigned width_bytes = 4;         // data bus width; a power of two (AXI: 1..128)
    double clock_hz = 100e6;          // the port's clock
    unsigned max_burst_beats = 16;    // AXI3 (Zynq GP/HP ports): 16, AXI4: 256
    unsigned latency_cycles = 0;      // fixed cost of crossing this port, in its own cycles
                                      // (arbitration + address phase), the address phase
    // Transactions in flight at once through this port, per direction (0 = unlimited): an
    // initiator port's issuing capability, a target port's acceptance capability (Zynq
    // S_AXI_HP: 8 reads, 32 writes, UG585 ch. 5). Only the "contention" timing uses them.
    unsigned max_outstanding_reads = 0;
    unsigned max_outstanding_writes = 0;

    // Throws ConfigError naming `context` (e.g. "ps_interconnect") and the bad field.
    void validate(const std::string& context) const;

    // Keys <prefix>.width_bytes, .clock_hz, .max_burst_beats, .latency_cycles,
    // .max_outstanding_reads, .max_outstanding_writes with the
    // given defaults (the port's name is not configurable: it is a statistics key).
    static void declare(ConfigSchema& schema, const std::string& prefix,
                        const PortParams& defaults);
    static PortParams from_config(const Config& config, const std::string& prefix,
                                  const std::string& name);
};

// A window of the initiators' address space that reaches one target. The target sees
// address - base + target_offset, so one memory can appear at several windows (the OCM:
// 192 KiB low at 0x0 with offset 0, 64 KiB high at 0xFFFF_0000 with offset 0x3_0000).
struct AddressRegion {
    std::string name;
    uint64_t base = 0;
    uint64_t size = 0;
    unsigned target = 0;              // index returned by AxiInterconnect::add_target
    uint64_t target_offset = 0;

    uint64_t last() const { return base + (size - 1); }  // inclusive; size > 0
    uint64_t to_target(uint64_t address) const { return address - base + target_offset; }
    uint64_t from_target(uint64_t target_address) const {
        return target_address - target_offset + base;
    }
};

}  // namespace vp
