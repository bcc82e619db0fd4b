// The Zynq PS memories as the platform file describes them: DDR (with its timing model,
// ddr.timing / ddr.preset) and OCM, their address windows, and the PL interconnect's
// S_AXI_HP0 port into both. Shared by the MiniZed platform and the trace platform, so a
// trace replayed on hp meets exactly the memory path the accelerator's masters meet.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vp/interconnect/axi_interconnect.h"
#include "vp/memory/ram.h"

namespace vp {

class Config;
class Stats;

struct ZynqMemoryWindows {
    AddressRegion ddr;       // ddr.base .. the part's end; storage offsets = physical addresses
    AddressRegion ocm_low;   // ocm.low_base, ocm.low_size_bytes
    AddressRegion ocm_high;  // ocm.high_base, the rest of the OCM
};

// "ddr": ddr.size_bytes etc., timed by ddr.timing; port_names in binding order.
std::unique_ptr<Ram> make_zynq_ddr(const Config& config, Stats& stats, const std::vector<std::string>& port_names);
// "ocm": ocm.size_bytes, .latency_ns, .bandwidth_bytes_per_s.
std::unique_ptr<Ram> make_zynq_ocm(const Config& config, Stats& stats, const std::vector<std::string>& port_names);
// Throws ConfigError when ddr.base or ocm.low_size_bytes do not fit the memories.
ZynqMemoryWindows zynq_memory_windows(const Config& config, const Ram& ddr, const Ram& ocm);
// Maps `region` to `target` unless it is empty (an OCM without a high window).
void map_window(AxiInterconnect& ic, AddressRegion region, unsigned target);
// The PL interconnect's targets: hp0_ddr (the DDR window) and hp0_ocm (the low OCM
// window), port keys [hp0]; binds hp's downstream to ddr and ocm in that order.
void attach_hp0(AxiInterconnect& hp, const Config& config, Ram& ddr, Ram& ocm, const ZynqMemoryWindows& windows);

}  // namespace vp
