// The ARM CPU's view of the address map: RAM through DMI as host memory, everything else
// as device windows whose accesses become timed TLM transactions.
#include <unicorn/unicorn.h>

#include <cstring>
#include <sstream>
#include <stdexcept>

#include "vp/common/log.h"
#include "vp/cpu/arm_cpu.h"

namespace vp {
namespace {

constexpr uint64_t kPage = 4096, kTop = 0xFFFFFFFFull;

bool page_aligned(uint64_t v) { return v % kPage == 0; }

}  // namespace

void ArmCpu::map_device_window(uint64_t first, uint64_t last) {
    if (first > last) return;
    windows_.push_back(std::make_unique<MmioWindow>(MmioWindow{this, first}));
    const uint64_t size = last - first + 1;
    const uc_err err = uc_mmio_map(uc_, first, size, &ArmCpu::on_mmio_read, windows_.back().get(),
                                   &ArmCpu::on_mmio_write, windows_.back().get());
    if (err != UC_ERR_OK) throw std::runtime_error(std::string("Unicorn: cannot map a device window: ") + uc_strerror(err));
    mapped_.emplace_back(first, size);
}

void ArmCpu::map_memory() {
    // Walk the whole 32-bit space: each DMI answer (grant or denial) names the range it
    // covers, so a few requests suffice. Device ranges in between are merged.
    uint64_t address = 0, devices_from = 0;
    while (address <= kTop) {
        tlm::tlm_generic_payload t;
        t.set_command(tlm::TLM_READ_COMMAND);
        t.set_address(address);
        t.set_data_length(4);
        tlm::tlm_dmi dmi;
        const bool granted = bus->get_direct_mem_ptr(t, dmi);
        uint64_t last = std::min<uint64_t>(dmi.get_end_address(), kTop);
        if (last < address || dmi.get_start_address() > address) last = address | (kPage - 1);  // a vague answer
        const bool usable = granted && dmi.is_read_write_allowed() && page_aligned(address) &&
                            page_aligned(last + 1) &&
                            page_aligned(reinterpret_cast<uintptr_t>(dmi.get_dmi_ptr() + (address - dmi.get_start_address())));
        if (granted && !usable)
            log_warning(name(), "RAM window at 0x" + [&] { std::ostringstream os; os << std::hex << address; return os.str(); }() +
                                    " is not page-aligned for the ISS: reached through TLM (slow; no code there)");
        if (usable) {
            if (address > devices_from) map_device_window(devices_from, address - 1);
            uint8_t* host = dmi.get_dmi_ptr() + (address - dmi.get_start_address());
            const uc_err err = uc_mem_map_ptr(uc_, address, last - address + 1, UC_PROT_ALL, host);
            if (err != UC_ERR_OK) throw std::runtime_error(std::string("Unicorn: cannot map RAM: ") + uc_strerror(err));
            mapped_.emplace_back(address, last - address + 1);
                    ++dmi_windows_;
            devices_from = last + 1;
        }
        address = last + 1;
    }
    if (devices_from <= kTop) map_device_window(devices_from, kTop);
    remap_needed_ = false;
}

void ArmCpu::unmap_memory() {
    for (const auto& [base, size] : mapped_) uc_mem_unmap(uc_, base, size);
    mapped_.clear();
    windows_.clear();
}

bool ArmCpu::device_access(tlm::tlm_command cmd, uint64_t address, unsigned size, uint64_t& value) {
    unsigned char data[8] = {};
    if (cmd == tlm::TLM_WRITE_COMMAND) std::memcpy(data, &value, size);  // little-endian host and guest
    trans_.set_command(cmd);
    trans_.set_address(address);
    trans_.set_data_ptr(data);
    trans_.set_data_length(size);
    trans_.set_streaming_width(size);
    trans_.set_byte_enable_ptr(nullptr);
    trans_.set_dmi_allowed(false);
    trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    poll_hint_->change = nullptr;  // a register with a change event names it (poll_hint.h)
    poll_credit_ = 0;              // any other access ends the loop the credit was for
    const double before_ps = local_ps();
    sc_core::sc_time delay(before_ps, sc_core::SC_PS);
    qk_.set(delay);
    bus->b_transport(trans_, delay);
    // The core waits for the response: the bus time is a stall.
    const double after_ps = delay.to_seconds() * 1e12;
    if (after_ps > before_ps) stall_ps_ += after_ps - before_ps;
    set_budget();
    if (trans_.is_response_error()) {
        ++bus_errors_;
        std::ostringstream os;
        os << (cmd == tlm::TLM_READ_COMMAND ? "read" : "write") << " of " << size << " bytes answered '"
           << trans_.get_response_string() << "'";
        stop_with_fault("data abort (bus error)", address, true, os.str());
        value = 0;
        return false;
    }
    value = 0;
    if (cmd == tlm::TLM_READ_COMMAND) std::memcpy(&value, data, size);
    return true;
}

void ArmCpu::device_write(uint64_t address, unsigned size, uint64_t value) {
    ++device_writes_;
    last_read_ = LastRead{};  // a loop that writes a device is not a pure polling loop
    device_access(tlm::TLM_WRITE_COMMAND, address, size, value);
}

// Callbacks from inside Unicorn: no exception may cross its C frames (STACK.md), and no
// uc_emu_stop here (it corrupts the CPU state): faults and errors set a stop request that
// the next block hook acts on.
uint64_t ArmCpu::on_mmio_read(uc_struct*, uint64_t offset, unsigned size, void* window) {
    auto* w = static_cast<MmioWindow*>(window);
    try {
        return w->cpu->device_read(w->base + offset, size);
    } catch (...) {
        w->cpu->error_ = std::current_exception();
        w->cpu->stop_ = Stop::Request;
        return 0;
    }
}

void ArmCpu::on_mmio_write(uc_struct*, uint64_t offset, unsigned size, uint64_t value, void* window) {
    auto* w = static_cast<MmioWindow*>(window);
    try {
        w->cpu->device_write(w->base + offset, size, value);
    } catch (...) {
        w->cpu->error_ = std::current_exception();
        w->cpu->stop_ = Stop::Request;
    }
}

}  // namespace vp
