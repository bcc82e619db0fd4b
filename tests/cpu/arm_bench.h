// A minimal SoC for the ARM CPU on its own: the CPU and a loader-free bus with DDR at
// 0x0010_0000 (as the MiniZed's), a small OCM at 0, and the GIC; guest programs come
// from tests/cpu/guest (built into VP_BINARY_DIR/arm-firmware).
#pragma once

#include <memory>
#include <string>

#include "peripherals/gic/gic.h"
#include "tests/support/stuck_register.h"
#include "vp/cpu/arm_cpu.h"
#include "vp/interconnect/axi_interconnect.h"
#include "vp/memory/ram.h"
#include "vp/stats/stats.h"

namespace vp_test {

inline std::string guest_elf(const std::string& name) {
    return std::string(VP_BINARY_DIR) + "/arm-firmware/" + name + ".elf";
}

struct ArmBench {
    vp::Stats stats;
    vp::AxiInterconnect bus{"bus", stats};
    vp::Ram ddr{"ddr", [] { vp::RamParams p; p.size_bytes = 16 << 20; return p; }(), stats};
    vp::Ram ocm{"ocm", [] { vp::RamParams p; p.size_bytes = 64 << 10; return p; }(), stats};
    zynq::Gic gic{"gic", stats};
    StuckRegister stuck{"stuck"};  // at kStuckRegister
    std::unique_ptr<vp::ArmCpu> cpu;
    static constexpr uint64_t kStuckRegister = 0x43C00000;

    ArmBench(const std::string& elf, uint32_t r0, double quantum_ns = 1000, bool poll_skip = true) {
        vp::ArmCpuParams params;
        params.elf_path = elf;
        params.poll_skip = poll_skip;
        params.quantum = sc_core::sc_time(quantum_ns, sc_core::SC_NS);
        cpu = std::make_unique<vp::ArmCpu>("cpu", params, stats, r0);
        vp::PortParams port;
        port.name = "cpu";
        port.width_bytes = 8;
        port.clock_hz = 222e6;
        port.latency_cycles = 4;
        bus.add_initiator(port);
        cpu->bus.bind(bus.upstream);
        auto target = [&](const std::string& name, auto& socket, uint64_t base, uint64_t size, uint64_t offset) {
            port.name = name;
            const unsigned t = bus.add_target(port);
            bus.downstream.bind(socket);
            bus.map(vp::AddressRegion{name, base, size, t, offset});
        };
        target("ddr", ddr.socket, 0x00100000, (16 << 20) - 0x00100000, 0x00100000);
        target("ocm", ocm.socket, 0, 64 << 10, 0);
        target("gic_cpu", gic.cpu_if, GIC_ZYNQ_CPU_BASE, 0x100, 0);
        target("gic_dist", gic.dist, GIC_ZYNQ_DIST_BASE, 0x1000, 0);
        target("stuck", stuck.socket, kStuckRegister, 4, 0);
        gic.on_irq = [this](bool level) { cpu->set_irq(level); };
    }
};

}  // namespace vp_test
