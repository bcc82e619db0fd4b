// What the platform needs from any CPU model (native or ARM ISS): a bus socket into the
// PS interconnect, an interrupt input, and the program's outcome.
#pragma once

#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

namespace vp {

class Cpu : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<Cpu> bus;

    explicit Cpu(sc_core::sc_module_name name) : sc_module(name), bus("bus") {
        bus.register_invalidate_direct_mem_ptr(this, &Cpu::invalidate_dmi);
    }

    virtual bool finished() const = 0;
    virtual int exit_status() const = 0;
    // Non-empty when the program was stopped by a fault (data abort, undefined
    // instruction, ...): what, where, at which address.
    virtual const std::string& fault() const = 0;
    // The interrupt request input (level); CPUs that poll ignore it.
    virtual void set_irq(bool level) { (void)level; }

protected:
    // A target that changed its memory map withdraws DMI.
    virtual void invalidate_dmi(sc_dt::uint64 start, sc_dt::uint64 end) { (void)start; (void)end; }
};

}  // namespace vp
