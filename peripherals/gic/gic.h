// The Cortex-A9 MPCore GIC as a bare-metal program on one core uses it (UG585 ch. 7):
// distributor enable, per-ID enable / pending / priority / CPU target, the CPU interface's
// enable, priority mask, acknowledge (ICCIAR) and end of interrupt (ICCEOIR).
// Register map: software/include/hw/gic_regs.h.
//
//   dist     target: the distributor (4 KiB), offsets from its base
//   cpu_if   target: CPU 0's interface (256 bytes), offsets from its base
//   input(id)  an observer for an IrqLine (vp::IrqLine::connect)
//   on_irq   called with the level of CPU 0's IRQ request whenever it may have changed
//
// Behaviour: every input is level-sensitive (the AXI DMA's introut and the timer hold
// their level until software clears the source): an ID is pending while its line is high
// or a set-pending write latched it. CPU 0's IRQ is asserted while both enables are on and
// some enabled, pending, not active ID targeted at CPU 0 has a priority below the mask and
// below the running priority. Acknowledge returns the most urgent one (lowest priority
// value, then lowest ID) and makes it active; EOI deactivates it. One level of
// preemption is all a bare-metal handler uses: nested acknowledges are kept on a stack.
//
// Not modelled: security extensions (banked registers), SGIs, binary point / group
// priority, edge-triggered configuration (ICDICFR is stored only), CPU 1, access latency
// beyond the interconnect's.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "software/include/hw/gic_regs.h"

namespace vp {
class Stats;
}

namespace zynq {

class Gic : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<Gic> dist;
    tlm_utils::simple_target_socket<Gic> cpu_if;
    std::function<void(bool)> on_irq;

    Gic(sc_core::sc_module_name name, vp::Stats& stats);

    // The observer of interrupt line `id` (an SPI or PPI number below GIC_NUM_IDS).
    std::function<void(bool)> input(unsigned id);
    bool irq_asserted() const { return irq_; }

    // Register access as the bus sees it (also for tests).
    uint32_t read_dist(uint32_t offset);
    void write_dist(uint32_t offset, uint32_t value);
    uint32_t read_cpu(uint32_t offset);
    void write_cpu(uint32_t offset, uint32_t value);

private:
    static constexpr unsigned kIds = GIC_NUM_IDS;
    void b_transport_dist(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void b_transport_cpu(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void transport(tlm::tlm_generic_payload& trans, bool distributor);
    bool pending(unsigned id) const { return line_[id] || latched_[id]; }
    unsigned highest_pending() const;  // GIC_SPURIOUS_ID if none may be signalled
    uint32_t running_priority() const;
    void update();

    std::array<bool, kIds> line_{}, latched_{}, enabled_{}, active_{};
    std::array<uint8_t, kIds> priority_{}, target_{};
    std::array<uint32_t, kIds / 16> config_{};
    std::vector<unsigned> active_stack_;  // acknowledged, not yet ended (most recent last)
    bool dist_enabled_ = false, cpu_enabled_ = false;
    uint32_t priority_mask_ = 0, binary_point_ = 0;
    bool irq_ = false;
    uint64_t acknowledges_ = 0, spurious_ = 0, eois_ = 0;
};

}  // namespace zynq
