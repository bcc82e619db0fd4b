#include "vp/platform/zynq_memory.h"

#include "vp/config/config.h"
#include "vp/memory/dram/memory_timing_factory.h"

namespace vp {

std::unique_ptr<Ram> make_zynq_ddr(const Config& c, Stats& stats, const std::vector<std::string>& port_names) {
    auto ddr = std::make_unique<Ram>("ddr", RamParams::from_config(c, "ddr"), stats, port_names);
    ddr->set_timing_policy(make_memory_timing(c, "ddr", port_names));  // ddr.timing: dram/simple/ideal
    return ddr;
}

std::unique_ptr<Ram> make_zynq_ocm(const Config& c, Stats& stats, const std::vector<std::string>& port_names) {
    return std::make_unique<Ram>("ocm", RamParams::from_config(c, "ocm"), stats, port_names);
}

ZynqMemoryWindows zynq_memory_windows(const Config& c, const Ram& ddr, const Ram& ocm) {
    const uint64_t ddr_base = c.get_uint("ddr.base");
    const uint64_t ddr_size = ddr.params().size_bytes;
    if (ddr_base >= ddr_size)
        throw ConfigError("ddr.base = " + std::to_string(ddr_base) + " is beyond ddr.size_bytes");
    const uint64_t ocm_low = c.get_uint("ocm.low_size_bytes");
    const uint64_t ocm_size = ocm.params().size_bytes;
    if (ocm_low > ocm_size) throw ConfigError("ocm.low_size_bytes exceeds ocm.size_bytes");
    // DDR storage offsets equal physical addresses; the OCM's high window holds the rest.
    return ZynqMemoryWindows{
        AddressRegion{"ddr", ddr_base, ddr_size - ddr_base, 0, ddr_base},
        AddressRegion{"ocm_low", c.get_uint("ocm.low_base"), ocm_low, 0, 0},
        AddressRegion{"ocm_high", c.get_uint("ocm.high_base"), ocm_size - ocm_low, 0, ocm_low}};
}

void map_window(AxiInterconnect& ic, AddressRegion region, unsigned target) {
    region.target = target;
    if (region.size) ic.map(region);
}

void attach_hp0(AxiInterconnect& hp, const Config& c, Ram& ddr, Ram& ocm, const ZynqMemoryWindows& w) {
    const unsigned hp_ddr = hp.add_target(PortParams::from_config(c, "hp0", "hp0_ddr"));
    hp.downstream.bind(ddr.socket);
    map_window(hp, w.ddr, hp_ddr);
    const unsigned hp_ocm = hp.add_target(PortParams::from_config(c, "hp0", "hp0_ocm"));
    hp.downstream.bind(ocm.socket);
    map_window(hp, w.ocm_low, hp_ocm);
}

}  // namespace vp
