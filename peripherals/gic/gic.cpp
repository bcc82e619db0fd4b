#include "peripherals/gic/gic.h"

#include <cstring>
#include <stdexcept>

#include "vp/stats/stats.h"

namespace zynq {

Gic::Gic(sc_core::sc_module_name name, vp::Stats& stats)
    : sc_module(name), dist("dist"), cpu_if("cpu_if") {
    dist.register_b_transport(this, &Gic::b_transport_dist);
    cpu_if.register_b_transport(this, &Gic::b_transport_cpu);
    // SGIs and PPIs always target the reading CPU; SPIs reset to no target.
    for (unsigned id = 0; id < 32; ++id) target_[id] = 1;
    const std::string n = basename();
    stats.add_counter(n + ".acknowledges", &acknowledges_, "", "interrupts acknowledged (ICCIAR)");
    stats.add_counter(n + ".spurious", &spurious_, "", "acknowledges that found nothing (ID 1023)");
    stats.add_counter(n + ".eois", &eois_, "", "end-of-interrupt writes");
}

std::function<void(bool)> Gic::input(unsigned id) {
    if (id >= kIds) throw std::invalid_argument("GIC input " + std::to_string(id) + " beyond the Zynq's 96 IDs");
    return [this, id](bool level) {
        line_[id] = level;
        update();
    };
}

unsigned Gic::highest_pending() const {
    unsigned best = GIC_SPURIOUS_ID;
    for (unsigned id = 0; id < kIds; ++id) {
        if (!pending(id) || active_[id] || !enabled_[id] || !(target_[id] & 1)) continue;
        if (best == GIC_SPURIOUS_ID || priority_[id] < priority_[best]) best = id;
    }
    return best;
}

uint32_t Gic::running_priority() const {
    return active_stack_.empty() ? 0xFF : priority_[active_stack_.back()];
}

void Gic::update() {
    const unsigned id = highest_pending();
    const bool level = dist_enabled_ && cpu_enabled_ && id != GIC_SPURIOUS_ID &&
                       priority_[id] < priority_mask_ && priority_[id] < running_priority();
    if (level == irq_) return;
    irq_ = level;
    if (on_irq) on_irq(level);
}

uint32_t Gic::read_dist(uint32_t off) {
    auto bits = [&](uint32_t base, auto&& bit) {
        const unsigned first = (off - base) * 8;
        uint32_t v = 0;
        for (unsigned i = 0; i < 32 && first + i < kIds; ++i)
            if (bit(first + i)) v |= 1u << i;
        return v;
    };
    auto bytes = [&](uint32_t base, const std::array<uint8_t, kIds>& a) {
        const unsigned first = off - base;
        uint32_t v = 0;
        for (unsigned i = 0; i < 4 && first + i < kIds; ++i) v |= uint32_t{a[first + i]} << (8 * i);
        return v;
    };
    if (off == GIC_ICDDCR) return dist_enabled_ ? 1 : 0;
    if (off == GIC_ICDICTR) return kIds / 32 - 1;
    if (off >= GIC_ICDISER(0) && off < GIC_ICDICER(0)) return bits(GIC_ICDISER(0), [&](unsigned i) { return enabled_[i]; });
    if (off >= GIC_ICDICER(0) && off < GIC_ICDISPR(0)) return bits(GIC_ICDICER(0), [&](unsigned i) { return enabled_[i]; });
    if (off >= GIC_ICDISPR(0) && off < GIC_ICDICPR(0)) return bits(GIC_ICDISPR(0), [&](unsigned i) { return pending(i); });
    if (off >= GIC_ICDICPR(0) && off < GIC_ICDABR(0)) return bits(GIC_ICDICPR(0), [&](unsigned i) { return pending(i); });
    if (off >= GIC_ICDABR(0) && off < GIC_ICDABR(0) + kIds / 8) return bits(GIC_ICDABR(0), [&](unsigned i) { return active_[i]; });
    if (off >= GIC_ICDIPR && off < GIC_ICDIPR + kIds) return bytes(GIC_ICDIPR, priority_);
    if (off >= GIC_ICDIPTR && off < GIC_ICDIPTR + kIds) return bytes(GIC_ICDIPTR, target_);
    if (off >= GIC_ICDICFR && off < GIC_ICDICFR + kIds / 4) return config_[(off - GIC_ICDICFR) / 4];
    return 0;
}

void Gic::write_dist(uint32_t off, uint32_t v) {
    auto each_bit = [&](uint32_t base, auto&& action) {
        const unsigned first = (off - base) * 8;
        for (unsigned i = 0; i < 32 && first + i < kIds; ++i)
            if (v & (1u << i)) action(first + i);
    };
    auto set_bytes = [&](uint32_t base, std::array<uint8_t, kIds>& a, unsigned first_writable) {
        const unsigned first = off - base;
        for (unsigned i = 0; i < 4 && first + i < kIds; ++i)
            if (first + i >= first_writable) a[first + i] = static_cast<uint8_t>(v >> (8 * i));
    };
    if (off == GIC_ICDDCR) dist_enabled_ = v & 1;
    else if (off >= GIC_ICDISER(0) && off < GIC_ICDICER(0)) each_bit(GIC_ICDISER(0), [&](unsigned i) { enabled_[i] = true; });
    else if (off >= GIC_ICDICER(0) && off < GIC_ICDISPR(0)) each_bit(GIC_ICDICER(0), [&](unsigned i) { enabled_[i] = false; });
    else if (off >= GIC_ICDISPR(0) && off < GIC_ICDICPR(0)) each_bit(GIC_ICDISPR(0), [&](unsigned i) { latched_[i] = true; });
    else if (off >= GIC_ICDICPR(0) && off < GIC_ICDABR(0)) each_bit(GIC_ICDICPR(0), [&](unsigned i) { latched_[i] = false; });
    else if (off >= GIC_ICDIPR && off < GIC_ICDIPR + kIds) set_bytes(GIC_ICDIPR, priority_, 0);
    else if (off >= GIC_ICDIPTR && off < GIC_ICDIPTR + kIds) set_bytes(GIC_ICDIPTR, target_, 32);  // SGI/PPI targets are read-only
    else if (off >= GIC_ICDICFR && off < GIC_ICDICFR + kIds / 4) config_[(off - GIC_ICDICFR) / 4] = v;
    update();
}

uint32_t Gic::read_cpu(uint32_t off) {
    switch (off) {
    case GIC_ICCICR: return cpu_enabled_ ? 1 : 0;
    case GIC_ICCPMR: return priority_mask_;
    case GIC_ICCBPR: return binary_point_;
    case GIC_ICCRPR: return running_priority();
    case GIC_ICCHPIR: return highest_pending();
    case GIC_ICCIAR: {
        const unsigned id = highest_pending();
        // Only what would be signalled can be acknowledged.
        if (!irq_ || id == GIC_SPURIOUS_ID) {
            ++spurious_;
            return GIC_SPURIOUS_ID;
        }
        ++acknowledges_;
        active_[id] = true;
        latched_[id] = false;  // a level input stays pending while its line is high
        active_stack_.push_back(id);
        update();
        return id;  // CPU ID field (bits 12:10) is 0 for PPIs and SPIs
    }
    default: return 0;
    }
}

void Gic::write_cpu(uint32_t off, uint32_t v) {
    switch (off) {
    case GIC_ICCICR: cpu_enabled_ = v & 1; break;
    case GIC_ICCPMR: priority_mask_ = v & 0xFF; break;
    case GIC_ICCBPR: binary_point_ = v & 7; break;
    case GIC_ICCEOIR: {
        const unsigned id = v & GIC_ID_MASK;
        if (id < kIds && active_[id]) {
            ++eois_;
            active_[id] = false;
            for (auto it = active_stack_.begin(); it != active_stack_.end(); ++it)
                if (*it == id) {
                    active_stack_.erase(it);
                    break;
                }
        }
        break;
    }
    default: break;
    }
    update();
}

void Gic::transport(tlm::tlm_generic_payload& trans, bool distributor) {
    const uint64_t off = trans.get_address();
    const uint64_t size = distributor ? 0x1000 : 0x100;
    if (trans.get_data_length() != 4 || (off & 3) || off + 4 > size || trans.get_byte_enable_ptr()) {
        trans.set_response_status(off + trans.get_data_length() > size ? tlm::TLM_ADDRESS_ERROR_RESPONSE
                                                                       : tlm::TLM_BURST_ERROR_RESPONSE);
        return;
    }
    const auto o = static_cast<uint32_t>(off);
    uint32_t v = 0;
    if (trans.is_write()) {
        std::memcpy(&v, trans.get_data_ptr(), 4);
        distributor ? write_dist(o, v) : write_cpu(o, v);
    } else {
        v = distributor ? read_dist(o) : read_cpu(o);
        std::memcpy(trans.get_data_ptr(), &v, 4);
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

void Gic::b_transport_dist(tlm::tlm_generic_payload& trans, sc_core::sc_time&) { transport(trans, true); }
void Gic::b_transport_cpu(tlm::tlm_generic_payload& trans, sc_core::sc_time&) { transport(trans, false); }

}  // namespace zynq
