// A named address region whose device is not modelled (SLCR, eFuse, SCU, GIC, PL310 L2
// cache controller, ...): it answers so that software that only configures the device runs
// on, and it says so. The first access warns once per region, naming it, its base, the
// access and the offset; after that it serves quietly (counted in <name>.reads/.writes).
//
//   socket   target; addresses are offsets from the region's base (the platform's)
//
// Behaviour: every 32-bit word is plain storage starting at 0, so the read-modify-write
// sequences of a BSP keep their bits. A region can list registers whose behaviour must
// differ for software to make progress (ZYNQ_PS.md):
//   Storage     reset value given (PL310 aux control resets to 0x0206_0000)
//   ReadOnly    reads the reset value, writes ignored (eFuse status, IDs)
//   Operation   a write starts an operation that completes at once: reads the reset value
//               (PL310 cache sync and invalidate-by-way are polled until they read 0)
// An access beyond the region's size answers TLM_ADDRESS_ERROR_RESPONSE.
//
// Not modelled, by design: any side effect (clocks, resets, SLCR locking, cache state), and
// access latency beyond what the interconnect adds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace vp {
class Stats;
}

namespace zynq {

enum class RegisterKind { Storage, ReadOnly, Operation };

struct RegionRegister {
    uint32_t offset = 0;  // 4-byte aligned, below the region's size
    uint32_t reset_value = 0;
    RegisterKind kind = RegisterKind::Storage;
    const char* name = "";  // for the reader; shown in no message
};

struct UnmodelledRegionSpec {
    std::string name;                // "slcr"; also the stats prefix
    uint64_t zynq_base = 0;          // where the Zynq-7000 has it (the platform decides)
    uint32_t size_bytes = 0;         // multiple of 4
    std::vector<RegionRegister> registers;  // the words that are not plain zero storage
};

class UnmodelledRegion : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<UnmodelledRegion> socket;

    // base_address: where the platform maps it (for messages only; the socket sees offsets).
    // Throws std::invalid_argument for a bad size or register offset.
    UnmodelledRegion(sc_core::sc_module_name name, const UnmodelledRegionSpec& spec,
                     uint64_t base_address, vp::Stats& stats);

    const UnmodelledRegionSpec& spec() const { return spec_; }
    uint64_t base_address() const { return base_; }
    // The word at a byte offset as the bus would read it (for tests and reports).
    uint32_t peek(uint32_t offset) const;
    uint64_t reads() const { return reads_; }
    uint64_t writes() const { return writes_; }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void warn_once(bool is_write, uint64_t offset);
    void write_word(uint32_t index, uint32_t value, uint32_t lane_mask);

    UnmodelledRegionSpec spec_;
    uint64_t base_;
    std::vector<uint32_t> words_;
    std::vector<RegisterKind> kinds_;   // per word
    std::vector<uint32_t> reset_;       // per word (what Operation / ReadOnly words read)
    bool warned_ = false;
    uint64_t reads_ = 0;
    uint64_t writes_ = 0;
};

// ------------------------------------------------------------------ Zynq-7000 PS blocks
// Ready-made specs for what a standalone-BSP program touches (ZYNQ_PS.md), with the
// Zynq-7000's base in zynq_base. The 0xF8F0_0000 MPCore block is split around the
// modelled global timer (+0x200) so a GIC or private-timer model can replace a part.

// SLCR, 0xF800_0000, 4 KiB (the BSP writes +0xA1C, beyond the 3 KiB often quoted):
// lock/unlock write-only, PSS_IDCODE reads a 7Z007S.
UnmodelledRegionSpec zynq_slcr_spec();
// eFuse, 0xF800_D000, 4 KiB: status bit 7 = 1 (CPU1 disabled, as on a single-core 7007S).
UnmodelledRegionSpec zynq_efuse_spec();
// SCU control, 0xF8F0_0000, 256 bytes: invalidate-all (+0x0C) is an operation.
UnmodelledRegionSpec zynq_scu_spec();
// GIC CPU interface, 0xF8F0_0100, 256 bytes.
UnmodelledRegionSpec zynq_gic_cpu_spec();
// Private timer, watchdog and reserved space, 0xF8F0_0300 up to the distributor.
UnmodelledRegionSpec zynq_private_timers_spec();
// GIC distributor, 0xF8F0_1000, 4 KiB.
UnmodelledRegionSpec zynq_gic_distributor_spec();
// PL310 L2 cache controller, 0xF8F0_2000, 4 KiB: aux control resets to 0x0206_0000,
// background operations (sync, invalidate/clean by way) complete at once and read 0.
UnmodelledRegionSpec zynq_pl310_spec();
// All of the above, in address order.
std::vector<UnmodelledRegionSpec> zynq_ps_unmodelled_specs();

}  // namespace zynq
