// Memory-mapped registers declared as members of a model, with read/write callbacks
// bound in the model's constructor (the VCML style), instead of a switch over offsets.
//
//   Register ctrl{bank, "CTRL", 0x00, 0x0};
//   ctrl.on_write([this](uint32_t v) { ... ctrl.set(v); });
//
// The bank serves TLM transactions: 32-bit registers, byte strobes honoured, accesses of
// any size split into the 32-bit words they touch, offsets decoded through an address
// mask (a real AXI-Lite slave decodes only its low address bits, so higher offsets alias).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include <systemc>
#include <tlm>

namespace vp {

class RegisterBank;

class Register {
public:
    Register(RegisterBank& bank, std::string name, uint32_t offset, uint32_t reset_value);
    Register(const Register&) = delete;
    Register& operator=(const Register&) = delete;

    const std::string& name() const { return name_; }
    uint32_t offset() const { return offset_; }
    uint32_t value() const { return value_; }
    uint32_t reset_value() const { return reset_; }
    // Stores without callbacks (for the model's own updates).
    void set(uint32_t value) { value_ = value; }
    void reset() { value_ = reset_; }

    // Called with the merged value (old bits outside the strobes kept). The callback
    // stores what it wants with set(); without a callback the value is stored.
    void on_write(std::function<void(uint32_t)> callback) { write_cb_ = std::move(callback); }
    // Called on a read; returns the value seen by the bus (default: the stored value).
    void on_read(std::function<uint32_t()> callback) { read_cb_ = std::move(callback); }
    // The event that fires whenever the value can change by itself (a status register),
    // given to readers as a polling hint (vp/common/poll_hint.h).
    void set_change_event(const sc_core::sc_event* event) { change_event_ = event; }
    const sc_core::sc_event* change_event() const { return change_event_; }

    void bus_write(uint32_t merged) {
        if (write_cb_) write_cb_(merged); else value_ = merged;
    }
    uint32_t bus_read() { return read_cb_ ? read_cb_() : value_; }

private:
    std::string name_;
    uint32_t offset_;
    uint32_t reset_;
    uint32_t value_;
    std::function<void(uint32_t)> write_cb_;
    std::function<uint32_t()> read_cb_;
    const sc_core::sc_event* change_event_ = nullptr;
};

class RegisterBank {
public:
    // address_mask: offset bits the slave decodes (e.g. 0x7F for a 7-bit AXI-Lite address).
    // unmapped_is_error: an offset with no register answers TLM_ADDRESS_ERROR_RESPONSE
    // (SLVERR/DECERR on AXI); otherwise it reads 0 and ignores writes.
    RegisterBank(std::string owner, uint32_t address_mask, bool unmapped_is_error);

    void add(Register& reg);
    void reset_all();
    // Serves a transaction whose address is relative to the bank's base.
    void transport(tlm::tlm_generic_payload& trans);

    const std::string& owner() const { return owner_; }

private:
    Register* find(uint32_t word_offset);
    std::string owner_;
    uint32_t mask_;
    bool unmapped_is_error_;
    std::map<uint32_t, Register*> regs_;
};

}  // namespace vp
