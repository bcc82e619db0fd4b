// Guest faults end the run with what happened, where and at which address.
#include <unicorn/unicorn.h>

#include <sstream>

#include "vp/common/log.h"
#include "vp/cpu/arm_cpu.h"

namespace vp {
namespace {

// QEMU's ARM exception numbers, as Unicorn's interrupt hook reports them.
enum : uint32_t { kUndefined = 1, kSvc = 2, kPrefetchAbort = 3, kDataAbort = 4, kBkpt = 7 };

}  // namespace

void ArmCpu::stop_with_fault(const std::string& kind, uint64_t address, bool address_known,
                             const std::string& detail) {
    if (finished_) return;  // the first fault is the one that matters
    std::ostringstream os;
    os << kind << " at pc 0x" << std::hex << reg(UC_ARM_REG_PC);
    if (address_known) os << ", address 0x" << address;
    if (!detail.empty()) os << ": " << detail;
    fault_ = os.str();
    log_warning(name(), fault_ + "; the program is stopped");
    stop_ = Stop::Request;
    finish(128);
}

void ArmCpu::fault_from_error(int uc_error) {
    const auto err = static_cast<uc_err>(uc_error);
    uint64_t address = 0;
    const bool has_address = err == UC_ERR_READ_UNMAPPED || err == UC_ERR_WRITE_UNMAPPED ||
                             err == UC_ERR_FETCH_UNMAPPED || err == UC_ERR_READ_PROT ||
                             err == UC_ERR_WRITE_PROT || err == UC_ERR_FETCH_PROT;
    if (has_address) address = reg(UC_ARM_REG_PC);
    switch (err) {
    case UC_ERR_INSN_INVALID:
        return stop_with_fault("undefined instruction", 0, false, "");
    case UC_ERR_FETCH_UNMAPPED:
    case UC_ERR_FETCH_PROT:
        return stop_with_fault("prefetch abort", address, false, std::string("instruction fetch from no memory (") + uc_strerror(err) + ")");
    case UC_ERR_READ_UNMAPPED:
    case UC_ERR_WRITE_UNMAPPED:
    case UC_ERR_READ_PROT:
    case UC_ERR_WRITE_PROT:
    case UC_ERR_READ_UNALIGNED:
    case UC_ERR_WRITE_UNALIGNED:
        return stop_with_fault("data abort", 0, false, uc_strerror(err));
    default:
        return stop_with_fault("ISS error", 0, false, uc_strerror(err));
    }
}

void ArmCpu::on_exception(uc_struct* uc, uint32_t intno, void* self) {
    auto* cpu = static_cast<ArmCpu*>(self);
    cpu->fault_from_exception(intno);
    uc_emu_stop(uc);
}

void ArmCpu::fault_from_exception(uint32_t intno) {
    switch (intno) {
    case kUndefined: return stop_with_fault("undefined instruction", 0, false, "");
    case kSvc: return stop_with_fault("SVC", 0, false, "supervisor calls are not supported (bare metal, no OS)");
    case kPrefetchAbort: return stop_with_fault("prefetch abort", cp15(6, 0, 0, 2), true, "IFAR");
    case kDataAbort: return stop_with_fault("data abort", cp15(6, 0, 0, 0), true, "DFAR");
    case kBkpt: return stop_with_fault("breakpoint (BKPT)", 0, false, "");
    default: {
        std::ostringstream os;
        os << "exception number " << intno;
        return stop_with_fault("CPU exception", 0, false, os.str());
    }
    }
}

}  // namespace vp
