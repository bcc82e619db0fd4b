// The Zynq-7000 PS blocks the platform does not model in detail (SLCR, eFuse, SCU, GIC,
// private timers, PL310): each answers as a named "unmodelled region" that stores what
// is written, reads back what the Xilinx BSP needs, and warns once when touched. Their
// bases are configuration keys "<name>.base" whose defaults are the Zynq's own.
#pragma once

#include <vector>

#include "peripherals/zynq_ps/unmodelled_region.h"
#include "vp/config/config.h"

namespace vp {

std::vector<zynq::UnmodelledRegionSpec> zynq_unmodelled_regions();
void declare_zynq_regions(ConfigSchema& schema);

}  // namespace vp
