// The ARM CPU's configuration keys (cpu.clock_hz is shared with the native CPU).
#include "vp/cpu/arm_cpu.h"
#include "vp/config/config.h"

#ifndef VP_DEFAULT_ARM_ELF
#define VP_DEFAULT_ARM_ELF ""
#endif

namespace vp {

void ArmCpuParams::declare(ConfigSchema& s) {
    s.add_path("cpu.elf", "ARM CPU: the ELF to run (empty: the edgedrnn_bench ELF built with vp; "
                          "the program receives the job descriptor's address in r0)");
    s.add_double("cpu.cpi", 1.0, "cycles", "ARM CPU: cycles per instruction at cpu.clock_hz", 0.01, 1000);
}

ArmCpuParams ArmCpuParams::from_config(const Config& c) {
    ArmCpuParams p;
    p.elf_path = c.get_string("cpu.elf");
    if (p.elf_path.empty()) p.elf_path = VP_DEFAULT_ARM_ELF;
    if (p.elf_path.empty())
        throw ConfigError(c.origin("cpu.elf") + ": cpu.elf: no ELF given and this vp was built without the ARM firmware");
    p.clock_hz = static_cast<double>(c.get_uint("cpu.clock_hz"));
    p.cpi = c.get_double("cpu.cpi");
    p.poll_skip = c.get_bool("cpu.poll_skip");  // declared with the native CPU's keys
    p.poll_hang_s = c.get_double("cpu.poll_hang_s");
    return p;
}

}  // namespace vp
