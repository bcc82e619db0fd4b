#include "vp/platform/zynq_regions.h"

namespace vp {

std::vector<zynq::UnmodelledRegionSpec> zynq_unmodelled_regions() {
    return {zynq::zynq_slcr_spec(),         zynq::zynq_efuse_spec(),
            zynq::zynq_scu_spec(),          zynq::zynq_gic_cpu_spec(),
            zynq::zynq_private_timers_spec(), zynq::zynq_gic_distributor_spec(),
            zynq::zynq_pl310_spec()};
}

void declare_zynq_regions(ConfigSchema& schema) {
    for (const auto& spec : zynq_unmodelled_regions())
        schema.add_uint(spec.name + ".base", spec.zynq_base, "address",
                        "unmodelled PS region '" + spec.name + "' (stores writes, warns once)", 0,
                        4294967295.0);
}

}  // namespace vp
