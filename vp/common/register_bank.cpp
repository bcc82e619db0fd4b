#include "vp/common/register_bank.h"

#include <cstring>
#include <sstream>
#include <stdexcept>

#include "vp/common/log.h"
#include "vp/common/poll_hint.h"

namespace vp {

Register::Register(RegisterBank& bank, std::string name, uint32_t offset, uint32_t reset_value)
    : name_(std::move(name)), offset_(offset), reset_(reset_value), value_(reset_value) {
    bank.add(*this);
}

RegisterBank::RegisterBank(std::string owner, uint32_t address_mask, bool unmapped_is_error)
    : owner_(std::move(owner)), mask_(address_mask), unmapped_is_error_(unmapped_is_error) {}

void RegisterBank::add(Register& reg) {
    if (reg.offset() % 4 != 0 || regs_.count(reg.offset()))
        throw std::logic_error(owner_ + ": register " + reg.name() + " at a bad or taken offset");
    regs_[reg.offset()] = &reg;
}

void RegisterBank::reset_all() {
    for (auto& [offset, reg] : regs_) reg->reset();
}

Register* RegisterBank::find(uint32_t word_offset) {
    const auto it = regs_.find(word_offset & mask_ & ~3u);
    return it == regs_.end() ? nullptr : it->second;
}

void RegisterBank::transport(tlm::tlm_generic_payload& trans) {
    const uint64_t address = trans.get_address();
    const unsigned length = trans.get_data_length();
    unsigned char* data = trans.get_data_ptr();
    const unsigned char* strobes = trans.get_byte_enable_ptr();
    const unsigned strobe_len = trans.get_byte_enable_length();
    const bool is_write = trans.is_write();
    if (!trans.is_read() && !is_write) {
        trans.set_response_status(tlm::TLM_OK_RESPONSE);  // ignore commands
        return;
    }
    // Walk the 32-bit words the access touches, byte lane by byte lane.
    for (unsigned i = 0; i < length;) {
        const uint64_t byte_addr = address + i;
        const uint32_t word = static_cast<uint32_t>(byte_addr & ~uint64_t{3});
        const unsigned first_lane = static_cast<unsigned>(byte_addr & 3);
        const unsigned lanes = std::min(4u - first_lane, length - i);
        Register* reg = find(word);
        if (!reg) {
            if (unmapped_is_error_) {
                std::ostringstream os;
                os << "access to unmapped register offset 0x" << std::hex << word;
                log_warning(owner_, os.str());
                trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
                return;
            }
            if (!is_write) std::memset(data + i, 0, lanes);
            i += lanes;
            continue;
        }
        uint32_t mask = 0;
        uint32_t incoming = 0;
        for (unsigned k = 0; k < lanes; ++k) {
            const unsigned idx = i + k;
            const bool enabled = !strobes || strobes[idx % strobe_len] == TLM_BYTE_ENABLED;
            if (enabled) mask |= 0xFFu << (8 * (first_lane + k));
            incoming |= uint32_t{data[idx]} << (8 * (first_lane + k));
        }
        if (is_write) {
            if (mask) reg->bus_write((reg->value() & ~mask) | (incoming & mask));
        } else {
            if (reg->change_event())
                if (auto* hint = trans.get_extension<PollHintExtension>()) hint->change = reg->change_event();
            const uint32_t v = reg->bus_read();
            for (unsigned k = 0; k < lanes; ++k)
                if ((mask >> (8 * (first_lane + k))) & 0xFF)
                    data[i + k] = static_cast<unsigned char>(v >> (8 * (first_lane + k)));
        }
        i += lanes;
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace vp
