// The ARM CPU: a Cortex-A9 instruction-set simulator (Unicorn 2, QEMU's CPU core) running
// a cross-compiled ELF in an SC_THREAD, in slices of at most one quantum.
//
// Memory: at start the CPU walks the bus's address map with DMI requests. Every window
// granted for read and write (DDR, OCM) is given to Unicorn as host memory
// (uc_mem_map_ptr): loads, stores and instruction fetches there cost no bus transaction.
// Everything else (devices, gaps) is a device window (uc_mmio_map) whose accesses become
// b_transport calls with the quantum keeper's local time; the bus's delay stalls the CPU.
// An access that no device answers (decode error) is a data abort.
//
// Time: executed instructions x cpu.cpi cycles at cpu.clock_hz, counted per translation
// block with a block hook (cheap), plus bus stalls. A slice ends exactly at the quantum
// through uc_emu_start's instruction count; the run syncs to SystemC there, at a WFI and
// at the end. Why not stop from the block hook (STACK.md's deferred stop, 5x faster)?
// Unicorn 2.0.1 then sometimes resumes at the start of a block it had half executed (seen
// here: a push done twice); the count stop is exact.
//
// Interrupts (Unicorn has none): the IRQ input is looked at between slices; when it is
// high and CPSR.I is clear the CPU enters the IRQ exception by hand (STACK.md: SPSR_irq =
// CPSR, IRQ mode with I and A set, LR_irq = return address + 4, PC = vector base + 0x18).
// While the IRQ is high but masked, slices are one instruction long, so an unmask (cpsie i)
// is followed by the exception at once (slow, but software rarely runs long like that). WFI returns from Unicorn; the
// CPU then sleeps in simulated time until the IRQ input is high (masked or not).
//
// Program end: a call of the ELF's `_exit` (newlib's exit path, software/bsp) ends the run
// with r0 as the status. Guest faults (undefined instruction, prefetch or data abort, an
// access no device answers, an SVC the bare-metal BSP does not use) stop the run with the
// kind, the PC and the address, and exit status 128.
//
// Limits: caches, the MMU's effect on timing and the CPU's own pipeline are not modelled
// (CPI is one number); inside device callbacks Unicorn 2.0.1 reports the PC of the start
// of the translation block, so a bus fault names that PC; Thumb code (newlib's multilib)
// is counted at 4 bytes per instruction; a block cut by the end of a slice counts whole
// (a few instructions per quantum). DMI regions withdrawn by a target are remapped at the
// next slice. An IRQ raised by the CPU's own device access is taken at the next slice.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "vp/cpu/cpu.h"
#include "vp/cpu/elf_loader.h"

struct uc_struct;

namespace vp {

class Stats;
class ConfigSchema;
class Config;

struct ArmCpuParams {
    std::string elf_path;           // cpu.elf (empty: the edgedrnn_bench ELF built with vp)
    double clock_hz = 667e6;        // cpu.clock_hz
    double cpi = 1.0;               // cpu.cpi: cycles per instruction
    sc_core::sc_time quantum = sc_core::sc_time(1, sc_core::SC_US);

    static void declare(ConfigSchema& schema);
    static ArmCpuParams from_config(const Config& config);
};

class ArmCpu : public Cpu {
public:
    // Reads the ELF now (throws ElfError for a malformed one); loads it into memory
    // through the bus's debug transport at the start of simulation (throws ElfError for
    // a segment outside memory). boot_argument: r0 at the entry point.
    ArmCpu(sc_core::sc_module_name name, const ArmCpuParams& params, Stats& stats, uint32_t boot_argument);
    ~ArmCpu() override;

    bool finished() const override { return finished_; }
    int exit_status() const override { return exit_status_; }
    const std::string& fault() const override { return fault_; }
    void set_irq(bool level) override;

    uint64_t instructions() const { return instructions_; }
    double mips() const;  // guest instructions per wall-clock microsecond of the CPU's run

private:
    struct MmioWindow {
        ArmCpu* cpu;
        uint64_t base;
    };
    enum class Stop { None, Budget, Request, Exit };

    // arm_cpu.cpp: the run loop.
    void start_of_simulation() override;
    void run();
    void run_slice();
    void sleep_until_irq();
    void enter_irq();
    void sync();
    double local_ps() const;
    uint64_t set_budget();  // instructions left in the quantum; the block hook stops there
    void finish(int status);
    uint32_t reg(int id) const;
    void set_reg(int id, uint32_t value);
    uint32_t cp15(unsigned crn, unsigned crm, unsigned opc1, unsigned opc2) const;

    // arm_memory.cpp: the address map as Unicorn sees it, and device accesses.
    void map_memory();
    void unmap_memory();
    void map_device_window(uint64_t first, uint64_t last);
    uint64_t device_read(uint64_t address, unsigned size);
    void device_write(uint64_t address, unsigned size, uint64_t value);
    bool device_access(tlm::tlm_command cmd, uint64_t address, unsigned size, uint64_t& value);
    void invalidate_dmi(sc_dt::uint64, sc_dt::uint64) override { remap_needed_ = true; }

    // arm_faults.cpp: stopping the run with a message.
    void stop_with_fault(const std::string& kind, uint64_t address, bool address_known, const std::string& detail);
    void fault_from_error(int uc_error);
    void fault_from_exception(uint32_t intno);

    // Unicorn callbacks (C linkage-compatible statics; never let an exception through).
    static void on_block(uc_struct* uc, uint64_t address, uint32_t size, void* self);
    static void on_exit_call(uc_struct* uc, uint64_t address, uint32_t size, void* self);
    static void on_exception(uc_struct* uc, uint32_t intno, void* self);
    static uint64_t on_mmio_read(uc_struct* uc, uint64_t offset, unsigned size, void* window);
    static void on_mmio_write(uc_struct* uc, uint64_t offset, unsigned size, uint64_t value, void* window);

    ArmCpuParams params_;
    ElfImage elf_;
    uint32_t boot_argument_;
    uc_struct* uc_ = nullptr;
    tlm_utils::tlm_quantumkeeper qk_;
    tlm::tlm_generic_payload trans_;
    std::vector<std::unique_ptr<MmioWindow>> windows_;
    std::vector<std::pair<uint64_t, uint64_t>> mapped_;  // every Unicorn mapping: base, size

    // Time: local = (instructions_ - instructions_at_sync_) x ps_per_instruction_ + stall_ps_.
    double ps_per_instruction_;
    uint64_t instructions_ = 0, instructions_at_sync_ = 0, stop_at_instructions_ = 0;
    double stall_ps_ = 0;

    Stop stop_ = Stop::None;
    bool irq_ = false, watch_unmask_ = false, remap_needed_ = false;
    sc_core::sc_event irq_event_;
    std::exception_ptr error_;
    bool finished_ = false;
    int exit_status_ = -1;
    std::string fault_;

    // Polling: a device read of the same address and value as the previous device access.
    uint64_t last_read_address_ = ~uint64_t{0}, last_read_value_ = 0;
    double last_read_time_ps_ = 0;

    uint64_t device_reads_ = 0, device_writes_ = 0, bus_errors_ = 0, irqs_ = 0, wfis_ = 0, slices_ = 0;
    uint64_t dmi_windows_ = 0, polling_ns_ = 0, wfi_ns_ = 0;
    double polling_ps_ = 0, wfi_ps_ = 0, run_wall_s_ = 0;
};

}  // namespace vp
