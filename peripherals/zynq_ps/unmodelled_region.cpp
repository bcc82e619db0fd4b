#include "peripherals/zynq_ps/unmodelled_region.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "vp/common/log.h"
#include "vp/stats/stats.h"

namespace zynq {

namespace {

std::string hex(uint64_t value, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%0*llX", digits, static_cast<unsigned long long>(value));
    return buf;
}

}  // namespace

UnmodelledRegion::UnmodelledRegion(sc_core::sc_module_name name, const UnmodelledRegionSpec& spec,
                                   uint64_t base_address, vp::Stats& stats)
    : sc_module(name), socket("socket"), spec_(spec), base_(base_address) {
    if (spec.size_bytes == 0 || spec.size_bytes % 4 != 0)
        throw std::invalid_argument("unmodelled region '" + spec.name +
                                    "': size must be a non-zero multiple of 4 bytes");
    const uint32_t words = spec.size_bytes / 4;
    words_.assign(words, 0);
    reset_.assign(words, 0);
    kinds_.assign(words, RegisterKind::Storage);
    for (const RegionRegister& r : spec.registers) {
        if (r.offset % 4 != 0 || r.offset >= spec.size_bytes)
            throw std::invalid_argument("unmodelled region '" + spec.name + "': register " +
                                        r.name + " at a bad offset " + hex(r.offset, 3));
        words_[r.offset / 4] = r.reset_value;
        reset_[r.offset / 4] = r.reset_value;
        kinds_[r.offset / 4] = r.kind;
    }
    socket.register_b_transport(this, &UnmodelledRegion::b_transport);
    const std::string n = spec.name;
    stats.add_counter(n + ".reads", &reads_, "accesses", "reads of this unmodelled region");
    stats.add_counter(n + ".writes", &writes_, "accesses", "writes to this unmodelled region");
}

uint32_t UnmodelledRegion::peek(uint32_t offset) const {
    const uint32_t index = offset / 4;
    if (index >= words_.size()) return 0;
    return kinds_[index] == RegisterKind::Storage ? words_[index] : reset_[index];
}

void UnmodelledRegion::warn_once(bool is_write, uint64_t offset) {
    if (warned_) return;
    warned_ = true;
    vp::log_warning(spec_.name, "unmodelled region '" + spec_.name + "' at " + hex(base_, 8) +
                                    " accessed (" + (is_write ? "write" : "read") + " at +" +
                                    hex(offset, 3) + "); answering as plain storage");
}

void UnmodelledRegion::write_word(uint32_t index, uint32_t value, uint32_t lane_mask) {
    // ReadOnly ignores writes; an Operation completes at once and keeps reading its reset value.
    if (kinds_[index] != RegisterKind::Storage) return;
    words_[index] = (words_[index] & ~lane_mask) | (value & lane_mask);
}

void UnmodelledRegion::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time&) {
    const uint64_t address = trans.get_address();
    const unsigned length = trans.get_data_length();
    unsigned char* data = trans.get_data_ptr();
    const unsigned char* strobes = trans.get_byte_enable_ptr();
    const unsigned strobe_len = trans.get_byte_enable_length();
    if (!trans.is_read() && !trans.is_write()) {
        trans.set_response_status(tlm::TLM_OK_RESPONSE);
        return;
    }
    if (address + length > spec_.size_bytes || length == 0) {
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    const bool is_write = trans.is_write();
    warn_once(is_write, address);
    ++(is_write ? writes_ : reads_);
    if (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && length == 4 && address % 4 == 0 && !strobes) {
        // A whole aligned word, the common case (a BSP's cache maintenance writes the PL310
        // once per line: a weight flush is 170,000 of these).
        const uint32_t index = static_cast<uint32_t>(address / 4);
        uint32_t word;
        if (is_write) {
            std::memcpy(&word, data, 4);  // the host is little-endian, as the bus
            write_word(index, word, 0xFFFFFFFFu);
        } else {
            word = peek(index * 4);
            std::memcpy(data, &word, 4);
        }
        trans.set_dmi_allowed(false);
        trans.set_response_status(tlm::TLM_OK_RESPONSE);
        return;
    }
    // Byte lane by byte lane over the words the access touches, honouring byte enables.
    for (unsigned i = 0; i < length; ++i) {
        const uint64_t byte_addr = address + i;
        const uint32_t index = static_cast<uint32_t>(byte_addr / 4);
        const unsigned shift = 8 * static_cast<unsigned>(byte_addr % 4);
        if (strobes && strobes[i % strobe_len] != TLM_BYTE_ENABLED) continue;
        if (is_write)
            write_word(index, uint32_t{data[i]} << shift, 0xFFu << shift);
        else
            data[i] = static_cast<unsigned char>(peek(index * 4) >> shift);
    }
    trans.set_dmi_allowed(false);
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

// ------------------------------------------------------------------ Zynq-7000 PS blocks

UnmodelledRegionSpec zynq_slcr_spec() {
    return {"slcr", 0xF8000000, 0x1000,
            {
                {0x004, 0, RegisterKind::Operation, "SLCR_LOCK (write 0x767B)"},
                {0x008, 0, RegisterKind::Operation, "SLCR_UNLOCK (write 0xDF0D)"},
                {0x244, 0, RegisterKind::Storage, "A9_CPU_RST_CTRL (read-modify-written)"},
                {0x530, 0x03723093, RegisterKind::ReadOnly, "PSS_IDCODE: XC7Z007S"},
            }};
}

UnmodelledRegionSpec zynq_efuse_spec() {
    return {"efuse", 0xF800D000, 0x1000,
            {
                {0x010, 0x80, RegisterKind::ReadOnly, "EFUSE_STATUS: bit 7 = CPU1 disabled"},
            }};
}

UnmodelledRegionSpec zynq_scu_spec() {
    return {"scu", 0xF8F00000, 0x100,
            {
                {0x000, 0, RegisterKind::Storage, "SCU control (read-modify-written)"},
                {0x00C, 0, RegisterKind::Operation, "SCU invalidate all registers in secure state"},
                {0x040, 0x00100000, RegisterKind::Storage, "filtering start address"},
                {0x044, 0xFFE00000, RegisterKind::Storage, "filtering end address"},
            }};
}

UnmodelledRegionSpec zynq_gic_cpu_spec() {
    return {"gic_cpu", 0xF8F00100, 0x100,
            {
                // No interrupt is ever pending here: acknowledge reads the spurious ID.
                {0x00C, 0x3FF, RegisterKind::ReadOnly, "ICCIAR: spurious interrupt 1023"},
                {0x010, 0, RegisterKind::Operation, "ICCEOIR"},
                {0x018, 0x3FF, RegisterKind::ReadOnly, "ICCHPIR: spurious interrupt 1023"},
            }};
}

UnmodelledRegionSpec zynq_private_timers_spec() {
    return {"private_timers", 0xF8F00300, 0xD00, {}};
}

UnmodelledRegionSpec zynq_gic_distributor_spec() {
    return {"gic_dist", 0xF8F01000, 0x1000, {}};
}

UnmodelledRegionSpec zynq_pl310_spec() {
    const auto op = RegisterKind::Operation;
    return {"pl310", 0xF8F02000, 0x1000,
            {
                {0x000, 0x410000C8, RegisterKind::ReadOnly, "cache ID: L2C-310 r3p2"},
                {0x100, 0, RegisterKind::Storage, "control (L2 enable)"},
                {0x104, 0x02060000, RegisterKind::Storage, "auxiliary control (read-modify-written)"},
                {0x108, 0x777, RegisterKind::Storage, "tag RAM latency"},
                {0x10C, 0x777, RegisterKind::Storage, "data RAM latency"},
                {0x21C, 0, RegisterKind::ReadOnly, "raw interrupt status"},
                {0x220, 0, op, "interrupt clear"},
                {0x730, 0, op, "cache sync (polled until 0)"},
                {0x770, 0, op, "invalidate by PA"},
                {0x77C, 0, op, "invalidate by way (polled until 0)"},
                {0x7B0, 0, op, "clean by PA"},
                {0x7B8, 0, op, "clean by index/way"},
                {0x7BC, 0, op, "clean by way (polled until 0)"},
                {0x7F0, 0, op, "clean and invalidate by PA"},
                {0x7F8, 0, op, "clean and invalidate by index/way"},
                {0x7FC, 0, op, "clean and invalidate by way (polled until 0)"},
            }};
}

std::vector<UnmodelledRegionSpec> zynq_ps_unmodelled_specs() {
    return {zynq_slcr_spec(),           zynq_efuse_spec(),    zynq_scu_spec(),
            zynq_gic_cpu_spec(),        zynq_private_timers_spec(),
            zynq_gic_distributor_spec(), zynq_pl310_spec()};
}

}  // namespace zynq
