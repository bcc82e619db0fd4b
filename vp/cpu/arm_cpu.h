// The ARM CPU: a Cortex-A9 instruction-set simulator (Unicorn 2, QEMU's CPU core) running
// a cross-compiled ELF in an SC_THREAD, in slices of about one quantum.
//
// Memory: at start the CPU walks the bus's address map with DMI requests. Every window
// granted for read and write (DDR, OCM) is given to Unicorn as host memory
// (uc_mem_map_ptr): loads, stores and instruction fetches there cost no bus transaction.
// Everything else (devices, gaps) is a device window (uc_mmio_map) whose accesses become
// b_transport calls with the quantum keeper's local time; the bus's delay stalls the CPU.
// An access that no device answers (decode error) is a data abort.
//
// Time: executed instructions x cpu.cpi cycles at cpu.clock_hz, counted per translation
// block by a block hook (cheap), plus bus stalls, plus the waits of skipped polling loops.
//
// Slices: uc_emu_start runs without an instruction count (a count makes Unicorn call a
// code hook before every instruction: ~140 MIPS instead of ~700). The block hook ends a
// slice at the start of a block, before any of its instructions, when the quantum is used
// up, when an interrupt is pending and unmasked, or when DMI was withdrawn; the run syncs
// to SystemC there, at a WFI and at the end. A slice overshoots the quantum by at most one
// block (its instructions are counted, so time stays exact). Safety: Unicorn 2.0.1 exits
// such a block before executing it but restores the PC to the block's start only when no
// UC_HOOK_CODE hook exists (cpu_tb_exec skips synchronize_from_tb otherwise, and block hooks
// do not store the PC); with one, the PC read afterwards is whatever an earlier unchained
// block exit left there, and resuming from it re-runs or skips code (the push executed
// twice that made this model use a count before). So this CPU installs no code hook (the
// program's `_exit` is recognised as a block start) and checks after every such stop that
// the PC Unicorn reports is the start of the block the hook stopped at: a mismatch is a
// model error, never a silent resume elsewhere (tests/cpu/guest/slices.c proves it).
//
// Polling (cpu.poll_skip, as the native CPU): the same block reading the same value from
// the same device register three times in a row, with the same short run of instructions
// (at most kPollLoopInstructions) and no other device access in between, is a polling
// loop. When the register offers a change event (vp/common/poll_hint.h), the device read
// itself syncs, waits for the event and returns the new value at the next point of the
// loop's own grid of iterations, so the program sees the change when it would read by
// read. Skipped reads are counted (cpu.polls_skipped), neither transacted nor executed
// (cpu.instructions counts executed instructions only).
//
// Interrupts (Unicorn has none): the IRQ input is looked at by the block hook; when it is
// high and CPSR.I is clear the slice ends at that block and the CPU enters the IRQ
// exception by hand (STACK.md: SPSR_irq = CPSR, IRQ mode with I and A set, LR_irq = return
// address + 4, PC = vector base + 0x18). An unmask (cpsie i, an exception return) is thus
// followed by the exception at the next block start; QEMU ends a block at ISB, so
// `cpsie i; isb` takes it right there, as the core must. WFI returns from Unicorn; the CPU
// then sleeps in simulated time until the IRQ input is high (masked or not).
//
// Program end: a block starting at the ELF's `_exit` (newlib's exit path, software/bsp)
// ends the run with r0 as the status. Guest faults (undefined instruction, prefetch or
// data abort, an access no device answers, an SVC the bare-metal BSP does not use) stop
// the run with the kind, the PC and the address, and exit status 128.
//
// Limits: caches, the MMU's effect on timing and the CPU's own pipeline are not modelled
// (CPI is one number); inside device callbacks Unicorn 2.0.1 reports the PC of the start
// of the translation block, so a bus fault names that PC; Thumb code (newlib's multilib)
// is counted at 4 bytes per instruction; a block is counted whole when it starts, so a
// device access sees the time at the end of its block. A polling loop whose body writes
// memory would lose the skipped iterations' writes (set cpu.poll_skip = false). When the
// read after the wait still sees the old value (a stuck device), the loop's next reads of
// that register in the same block, up to the iterations skipped, return it at once with
// no transaction and with their instructions' time cancelled (the wait stood for it), so
// a poll budget runs out when it would read by read (to within one window). Code
// falling through into `_exit` without a branch would not be seen (compilers branch).
// DMI regions withdrawn by a target are remapped at the next block start.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "vp/common/poll_hint.h"
#include "vp/cpu/poll_wait.h"
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
    bool poll_skip = true;          // cpu.poll_skip: wait for a polled register's change event
    double poll_hang_s = 60;        // cpu.poll_hang_s: a loop polling what nothing can change is stopped
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
    // "it sleeps in WFI at pc 0x... with IRQs masked (CPSR.I) and no interrupt came" when the
    // simulation ended with the program in WFI (nothing left to wake it); else empty.
    std::string asleep() const;
    // The program as loaded (its segments, for the platform's memory-placement checks).
    const ElfImage& program() const { return elf_; }

private:
    struct MmioWindow {
        ArmCpu* cpu;
        uint64_t base;
    };
    // Why uc_emu_start returned: Slice = the block hook ended the slice at a block start
    // (the run goes on there); Request = a callback stopped the run (fault, model error).
    enum class Stop { None, Slice, Request, Exit };
    // The last device read, to recognise a polling loop (arm_polling.cpp).
    struct LastRead {
        uint64_t block = ~uint64_t{0}, address = ~uint64_t{0}, value = 0;
        uint64_t instructions = 0;         // instructions_ at the read
        uint64_t loop_instructions = 0;    // since the read before it
        double end_ps = 0, period_ps = 0;  // when it ended; since the read before it ended
        unsigned repeats = 0;              // reads like it in a row, before it
    };
    static constexpr uint64_t kPollLoopInstructions = 64;

    // arm_cpu.cpp: the run loop.
    void start_of_simulation() override;
    void run();
    void run_slice();
    void sleep_until_irq();
    void enter_irq();
    void sync();
    double local_ps() const;
    uint64_t set_budget();  // instructions left in the quantum; the block hook stops there
    bool slice_ends_here() const;
    void check_resume_pc() const;
    void finish(int status);
    uint32_t reg(int id) const;
    void set_reg(int id, uint32_t value);
    uint32_t cp15(unsigned crn, unsigned crm, unsigned opc1, unsigned opc2) const;

    // arm_memory.cpp: the address map as Unicorn sees it, and device accesses.
    void map_memory();
    void unmap_memory();
    void map_device_window(uint64_t first, uint64_t last);
    void device_write(uint64_t address, unsigned size, uint64_t value);
    bool device_access(tlm::tlm_command cmd, uint64_t address, unsigned size, uint64_t& value);
    void invalidate_dmi(sc_dt::uint64, sc_dt::uint64) override { remap_needed_ = true; }

    // arm_polling.cpp: device reads, and waiting out polling loops.
    uint64_t device_read(uint64_t address, unsigned size);
    bool polling(uint64_t address, uint64_t value);
    uint64_t wait_for_change(uint64_t address, unsigned size, uint64_t value);
    double now_ps() const;  // the CPU's own time: SystemC's plus the local offset

    // arm_faults.cpp: stopping the run with a message.
    void stop_with_fault(const std::string& kind, uint64_t address, bool address_known, const std::string& detail);
    void fault_from_error(int uc_error);
    void fault_from_exception(uint32_t intno);

    // Unicorn callbacks (C linkage-compatible statics; never let an exception through).
    static void on_block(uc_struct* uc, uint64_t address, uint32_t size, void* self);
    static void on_exception(uc_struct* uc, uint32_t intno, void* self);
    static uint64_t on_mmio_read(uc_struct* uc, uint64_t offset, unsigned size, void* window);
    static void on_mmio_write(uc_struct* uc, uint64_t offset, unsigned size, uint64_t value, void* window);

    ArmCpuParams params_;
    ElfImage elf_;
    uint32_t boot_argument_;
    uc_struct* uc_ = nullptr;
    tlm_utils::tlm_quantumkeeper qk_;
    tlm::tlm_generic_payload trans_;
    PollHintExtension* poll_hint_ = nullptr;  // owned by trans_
    uint32_t exit_at_;                        // _exit's address
    std::vector<std::unique_ptr<MmioWindow>> windows_;
    std::vector<std::pair<uint64_t, uint64_t>> mapped_;  // every Unicorn mapping: base, size

    // Time: local = (instructions_ - instructions_at_sync_) x ps_per_instruction_ + stall_ps_.
    double ps_per_instruction_;
    uint64_t instructions_ = 0, instructions_at_sync_ = 0, stop_at_instructions_ = 0;
    double stall_ps_ = 0;

    // The slice: blocks entered, the block running (Unicorn's PC in device callbacks), and
    // the block whose start ended it.
    uint64_t slice_blocks_ = 0, current_block_ = 0, slice_end_block_ = 0;
    Stop stop_ = Stop::None;
    bool irq_ = false, remap_needed_ = false;
    sc_core::sc_event irq_event_;
    std::exception_ptr error_;
    bool finished_ = false, asleep_ = false;  // asleep_: in WFI, at wfi_pc_
    uint32_t wfi_pc_ = 0;
    int exit_status_ = -1;
    std::string fault_;

    LastRead last_read_;
    uint64_t poll_credit_ = 0;  // reads of last_read_'s register the last wait stood for
    PollHangWatch hang_watch_;

    uint64_t device_reads_ = 0, device_writes_ = 0, bus_errors_ = 0, irqs_ = 0, wfis_ = 0, slices_ = 0;
    uint64_t polls_skipped_ = 0, poll_waits_ = 0;
    uint64_t dmi_windows_ = 0, polling_ns_ = 0, wfi_ns_ = 0;
    double polling_ps_ = 0, wfi_ps_ = 0, run_wall_s_ = 0;
};

}  // namespace vp
