#include "vp/cpu/arm_cpu.h"

#include <unicorn/unicorn.h>

#include <chrono>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "vp/common/log.h"
#include "vp/common/stop_request.h"
#include "vp/stats/stats.h"

namespace vp {
namespace {

constexpr uint32_t kCpsrMode = 0x1F, kCpsrThumb = 1u << 5, kCpsrF = 1u << 6, kCpsrI = 1u << 7, kCpsrA = 1u << 8;
constexpr uint32_t kCpsrE = 1u << 9, kCpsrIt = 0x0600FC00u, kModeIrq = 0x12;
constexpr uint32_t kSctlrV = 1u << 13, kSctlrTe = 1u << 30, kSctlrEe = 1u << 25;
constexpr uint32_t kWfiArm = 0xE320F003u;
constexpr uint16_t kWfiThumb = 0xBF30u;

void check(uc_err err, const char* what) {
    if (err != UC_ERR_OK) throw std::runtime_error(std::string("Unicorn: ") + what + ": " + uc_strerror(err));
}

}  // namespace

ArmCpu::ArmCpu(sc_core::sc_module_name name, const ArmCpuParams& params, Stats& stats, uint32_t boot_argument)
    : Cpu(name), params_(params), elf_(read_elf(params.elf_path)), boot_argument_(boot_argument),
      exit_at_(elf_.symbol("_exit") & ~1u), ps_per_instruction_(params.cpi * 1e12 / params.clock_hz),
      hang_watch_(params.poll_hang_s) {
    check(uc_open(UC_ARCH_ARM, UC_MODE_ARM, &uc_), "uc_open(ARM)");
    check(uc_ctl_set_cpu_model(uc_, UC_CPU_ARM_CORTEX_A9), "Cortex-A9 CPU model");
    uc_hook hook;
    check(uc_hook_add(uc_, &hook, UC_HOOK_BLOCK, reinterpret_cast<void*>(&ArmCpu::on_block), this, 1, 0),
          "block hook");
    check(uc_hook_add(uc_, &hook, UC_HOOK_INTR, reinterpret_cast<void*>(&ArmCpu::on_exception), this, 1, 0),
          "exception hook");
    // No UC_HOOK_CODE hook, not even one bounded to a single address: its mere existence
    // makes Unicorn 2.0.1 leave a stale PC behind a stop from the block hook (see the header).
    // _exit is recognised by the block hook instead.

    poll_hint_ = new PollHintExtension;
    trans_.set_extension(poll_hint_);

    tlm_utils::tlm_quantumkeeper::set_global_quantum(params.quantum);
    qk_.reset();
    SC_HAS_PROCESS(ArmCpu);
    SC_THREAD(run);

    const std::string n = basename();
    stats.add_counter(n + ".instructions", &instructions_, "instructions", "guest instructions executed");
    stats.add_derived(n + ".mips", [this] { return mips(); }, "MIPS",
                      "guest instructions per wall-clock second of the CPU's run, in millions");
    stats.add_derived(n + ".run_wall_s", [this] { return run_wall_s_; }, "s", "wall-clock time of the CPU's run");
    stats.add_counter(n + ".polling_ns", &polling_ns_, "ns",
                      "simulated time between repeated device reads that returned the same value");
    stats.add_counter(n + ".wfi_ns", &wfi_ns_, "ns", "simulated time asleep in WFI");
    stats.add_counter(n + ".reads", &device_reads_, "", "device reads (TLM)");
    stats.add_counter(n + ".writes", &device_writes_, "", "device writes (TLM)");
    stats.add_counter(n + ".bus_errors", &bus_errors_, "", "device accesses answered with a bus error");
    stats.add_counter(n + ".irqs", &irqs_, "", "IRQ exceptions taken");
    stats.add_counter(n + ".wfis", &wfis_, "", "WFI instructions executed");
    stats.add_counter(n + ".slices", &slices_, "", "uc_emu_start slices");
    stats.add_counter(n + ".polls_skipped", &polls_skipped_, "",
                      "device reads of polling loops not simulated one by one (cpu.poll_skip)");
    stats.add_counter(n + ".poll_waits", &poll_waits_, "", "polling loops that waited for a change event");
    stats.add_counter(n + ".dmi_grants", &dmi_windows_, "", "RAM windows mapped into the ISS through DMI");
}

ArmCpu::~ArmCpu() {
    if (uc_) uc_close(uc_);
}

double ArmCpu::mips() const { return run_wall_s_ > 0 ? instructions_ / run_wall_s_ / 1e6 : 0.0; }

void ArmCpu::set_irq(bool level) {
    if (level == irq_) return;
    irq_ = level;
    // Looked at after the current slice; wakes a WFI.
    if (level) irq_event_.notify(sc_core::SC_ZERO_TIME);
}

uint32_t ArmCpu::reg(int id) const {
    uint32_t v = 0;
    uc_reg_read(uc_, id, &v);
    return v;
}

void ArmCpu::set_reg(int id, uint32_t value) { uc_reg_write(uc_, id, &value); }

uint32_t ArmCpu::cp15(unsigned crn, unsigned crm, unsigned opc1, unsigned opc2) const {
    uc_arm_cp_reg r{};
    r.cp = 15;
    r.crn = crn;
    r.crm = crm;
    r.opc1 = opc1;
    r.opc2 = opc2;
    uc_reg_read(uc_, UC_ARM_REG_CP_REG, &r);
    return static_cast<uint32_t>(r.val);
}

void ArmCpu::start_of_simulation() {
    // The bus is bound now: put the program into memory as a debugger would.
    load_elf(elf_, [this](uint32_t address, const uint8_t* data, uint32_t bytes) {
        tlm::tlm_generic_payload t;
        t.set_command(data ? tlm::TLM_WRITE_COMMAND : tlm::TLM_IGNORE_COMMAND);  // nullptr: range check only
        t.set_address(address);
        t.set_data_ptr(const_cast<uint8_t*>(data));
        t.set_data_length(bytes);
        t.set_streaming_width(bytes);
        return bus->transport_dbg(t) == bytes;
    });
}

double ArmCpu::local_ps() const {
    return static_cast<double>(instructions_ - instructions_at_sync_) * ps_per_instruction_ + stall_ps_;
}

uint64_t ArmCpu::set_budget() {
    const double left_ps = params_.quantum.to_seconds() * 1e12 - local_ps();
    const auto left = static_cast<uint64_t>(left_ps > 0 ? left_ps / ps_per_instruction_ : 0);
    stop_at_instructions_ = instructions_ + left;
    return left;
}

void ArmCpu::sync() {
    qk_.set(sc_core::sc_time(local_ps(), sc_core::SC_PS));
    qk_.sync();
    instructions_at_sync_ = instructions_;
    stall_ps_ = 0;
}

void ArmCpu::run() {
    const auto wall_start = std::chrono::steady_clock::now();
    try {
        map_memory();
        set_reg(UC_ARM_REG_R0, boot_argument_);
        set_reg(UC_ARM_REG_PC, elf_.entry);
        while (!finished_) {
            if (stop_requested()) {  // Ctrl-C / SIGTERM (vp/common/stop_request.h)
                stop_with_fault("stop request", 0, false, stop_request_message());
                break;
            }
            if (remap_needed_) {
                unmap_memory();
                map_memory();
            }
            if (irq_ && !(reg(UC_ARM_REG_CPSR) & kCpsrI)) enter_irq();
            run_slice();
            if (finished_) break;
            // Less than an instruction left in this quantum: let SystemC catch up.
            if (set_budget() == 0) sync();
        }
    } catch (...) {
        run_wall_s_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
        throw;  // a model error (not the guest's): SystemC reports it and the run ends
    }
    run_wall_s_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    polling_ns_ = static_cast<uint64_t>(polling_ps_ / 1000);
    wfi_ns_ = static_cast<uint64_t>(wfi_ps_ / 1000);
    sync();
    // The program is the platform's workload: when it ends, the run ends.
    sc_core::sc_stop();
}

void ArmCpu::run_slice() {
    ++slices_;
    stop_ = Stop::None;
    slice_blocks_ = 0;
    if (set_budget() == 0) {
        sync();
        set_budget();
    }
    // uc_emu_start takes the Thumb state from bit 0 of the start address.
    const uint32_t pc = reg(UC_ARM_REG_PC) | ((reg(UC_ARM_REG_CPSR) & kCpsrThumb) ? 1u : 0u);
    // Never until = 0 (STACK.md); never a count (a code hook on every instruction, and a
    // code hook breaks the block hook's stop: see the header).
    const uc_err err = uc_emu_start(uc_, pc, 0xFFFFFFFFull, 0, 0);
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    if (finished_) return;  // _exit, or a fault recorded by a callback
    if (err != UC_ERR_OK) return fault_from_error(err);
    if (stop_ == Stop::Slice) return check_resume_pc();
    if (stop_ != Stop::None) return;
    // Unicorn returned by itself: a WFI (PC is just after it) sleeps until an interrupt.
    const uint32_t after = reg(UC_ARM_REG_PC);
    uint32_t word = 0;
    uint16_t half = 0;
    const bool thumb = reg(UC_ARM_REG_CPSR) & kCpsrThumb;
    const bool wfi = thumb ? uc_mem_read(uc_, after - 2, &half, 2) == UC_ERR_OK && half == kWfiThumb
                           : uc_mem_read(uc_, after - 4, &word, 4) == UC_ERR_OK && word == kWfiArm;
    if (!wfi) return;  // another exit Unicorn took by itself, after an instruction: go on there
    ++wfis_;
    wfi_pc_ = after - (thumb ? 2 : 4);
    asleep_ = true;
    sleep_until_irq();
    asleep_ = false;
}

std::string ArmCpu::asleep() const {
    if (!asleep_) return {};
    std::ostringstream os;
    os << "it sleeps in WFI at pc 0x" << std::hex << wfi_pc_
       << ((reg(UC_ARM_REG_CPSR) & kCpsrI) ? " with IRQs masked (CPSR.I)" : "") << " and no interrupt came";
    return os.str();
}

bool ArmCpu::slice_ends_here() const {
    return instructions_ >= stop_at_instructions_ || remap_needed_ || (irq_ && !(reg(UC_ARM_REG_CPSR) & kCpsrI));
}

void ArmCpu::check_resume_pc() const {
    // The stop came before any instruction of the block: the PC must be its start. Anything
    // else would resume elsewhere (re-running or skipping code): refuse to go on.
    const uint32_t pc = reg(UC_ARM_REG_PC);
    if (pc == static_cast<uint32_t>(slice_end_block_)) return;
    std::ostringstream os;
    os << name() << ": Unicorn stopped at the block at 0x" << std::hex << slice_end_block_ << " but reports pc 0x"
       << pc << " (a UC_HOOK_CODE hook makes Unicorn 2.0.1 do this; see arm_cpu.h)";
    throw std::logic_error(os.str());
}

void ArmCpu::sleep_until_irq() {
    sync();
    const sc_core::sc_time from = sc_core::sc_time_stamp();
    // WFI wakes on a pending interrupt even while CPSR.I masks it. Nothing pending and no
    // other process active: the simulation ends by starvation (the platform reports it).
    while (!irq_) sc_core::wait(irq_event_);
    wfi_ps_ += (sc_core::sc_time_stamp() - from).to_seconds() * 1e12;
}

void ArmCpu::enter_irq() {
    ++irqs_;
    const uint32_t cpsr = reg(UC_ARM_REG_CPSR);
    const uint32_t ret = reg(UC_ARM_REG_PC);
    const uint32_t sctlr = cp15(1, 0, 0, 0);
    const uint32_t vectors = (sctlr & kSctlrV) ? 0xFFFF0000u : cp15(12, 0, 0, 0);
    uint32_t irq_cpsr = (cpsr & ~(kCpsrMode | kCpsrThumb | kCpsrIt | kCpsrE)) | kModeIrq | kCpsrI | kCpsrA;
    if (sctlr & kSctlrTe) irq_cpsr |= kCpsrThumb;
    if (sctlr & kSctlrEe) irq_cpsr |= kCpsrE;
    (void)kCpsrF;  // FIQ stays as it was: IRQ entry does not mask it
    // Order matters: switch mode first, so SPSR and LR are the IRQ mode's banked copies.
    set_reg(UC_ARM_REG_CPSR, irq_cpsr);
    set_reg(UC_ARM_REG_SPSR, cpsr);
    set_reg(UC_ARM_REG_LR, ret + 4);
    set_reg(UC_ARM_REG_PC, vectors + 0x18);
}

void ArmCpu::finish(int status) {
    exit_status_ = status;
    finished_ = true;
}

// ---------------------------------------------------------------- Unicorn callbacks

// Called before the first instruction of every block; a stop requested here takes effect
// before that instruction (see the header).
void ArmCpu::on_block(uc_struct* uc, uint64_t address, uint32_t size, void* self) {
    auto* cpu = static_cast<ArmCpu*>(self);
    if (cpu->stop_ != Stop::None) {  // a callback stopped the run (a fault, a model error)
        uc_emu_stop(uc);
        return;
    }
    if (address == cpu->exit_at_) {
        cpu->stop_ = Stop::Exit;
        cpu->finish(static_cast<int>(cpu->reg(UC_ARM_REG_R0)));
        uc_emu_stop(uc);
        return;
    }
    // The first block of a slice always runs, so every slice makes progress.
    if (cpu->slice_blocks_++ > 0 && cpu->slice_ends_here()) {
        cpu->stop_ = Stop::Slice;
        cpu->slice_end_block_ = address;
        uc_emu_stop(uc);
        return;
    }
    cpu->current_block_ = address;
    cpu->instructions_ += size >> 2;
}

}  // namespace vp
