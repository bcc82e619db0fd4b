#include "vp/platform/cpu_factory.h"

#include "software/apps/edgedrnn_bench/edgedrnn_bench.h"
#include "vp/cpu/arm_cpu.h"
#include "vp/cpu/native_cpu.h"

namespace vp {

std::unique_ptr<Cpu> make_cpu(const Config& c, Stats& stats, uint32_t descriptor_address) {
    const std::string model = c.get_string("cpu.model");
    if (model == "native") {
        // The native CPU runs the application compiled into vp: an ELF would be ignored.
        if (!c.get_string("cpu.elf").empty())
            throw ConfigError(c.origin("cpu.elf") + ": cpu.elf is set, but cpu.model = native (" +
                              c.origin("cpu.model") + ") runs the application built into vp and would "
                              "ignore it: add --set cpu.model=arm, or drop cpu.elf");
        NativeCpuParams params = NativeCpuParams::from_config(c);
        params.quantum = sc_core::sc_time(static_cast<double>(c.get_uint("sim.quantum_ns")), sc_core::SC_NS);
        return std::make_unique<NativeCpu>("cpu", params, stats, edgedrnn_bench_main, descriptor_address);
    }
    if (model == "arm") {
        ArmCpuParams params = ArmCpuParams::from_config(c);
        params.quantum = sc_core::sc_time(static_cast<double>(c.get_uint("sim.quantum_ns")), sc_core::SC_NS);
        try {
            return std::make_unique<ArmCpu>("cpu", params, stats, descriptor_address);
        } catch (const ElfError& e) {
            // (ElfError's message starts with "cpu.elf: <path>: ".)
            throw ConfigError(c.origin(c.is_set("cpu.elf") ? "cpu.elf" : "cpu.model") + ": " + e.what());
        }
    }
    throw ConfigError(c.origin("cpu.model") + ": cpu.model = '" + model + "' is not available");
}

}  // namespace vp
