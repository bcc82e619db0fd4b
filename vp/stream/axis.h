// AXI-Stream transfers as TLM-2.0 transactions. A packet is one write transaction whose
// data holds whole beats (lane 0 first, little-endian); the extension carries TLAST and
// the sender's beat spacing. Timing convention (loosely timed):
//   - the initiator calls b_transport with `delay` = time its first beat is valid;
//   - the target returns with `delay` = time it accepted the last beat. A target that
//     keeps up returns delay + (beats - 1) * beat_interval; back-pressure is a later time.
#pragma once

#include <systemc>
#include <tlm>

namespace vp {

struct AxisExtension : tlm::tlm_extension<AxisExtension> {
    bool tlast = true;                   // the packet ends with TLAST
    unsigned beat_bytes = 16;            // TDATA width in bytes
    sc_core::sc_time beat_interval;      // time between the sender's beats

    tlm::tlm_extension_base* clone() const override { return new AxisExtension(*this); }
    void copy_from(const tlm::tlm_extension_base& other) override {
        *this = static_cast<const AxisExtension&>(other);
    }
};

// Number of beats a packet of `bytes` occupies on a stream of `beat_bytes`.
inline unsigned axis_beats(unsigned bytes, unsigned beat_bytes) {
    return (bytes + beat_bytes - 1) / beat_bytes;
}

}  // namespace vp
