// How AXI carries a transfer on one port, computed arithmetically (no loop over bursts):
// one b_transport carries a whole DMA transfer or weight column, and the interconnect
// still counts the beats and bursts the hardware would issue.
//
// Rules (AMBA AXI, A3.4): a beat moves one bus-width-aligned word; a burst has at most
// the port's maximum length and never crosses a 4 KiB boundary. Beats are counted from the
// aligned start to the aligned end, so an unaligned start costs a (partial) extra beat as
// on the bus; for aligned transfers this is ceil(bytes / width).
// The initiator's own port follows the AXI attributes it sent (count_issued_bursts: AxSIZE
// narrower than the port, AxLEN shorter than the port's limit, FIXED/WRAP bursts); every
// later port re-packs the data at its own width and limit (width conversion, AXI4 -> AXI3
// splitting), as an AXI interconnect's upsizer/downsizer does, greedily (longest bursts).
#pragma once

#include <cstdint>

namespace vp {

struct BurstCount {
    uint64_t beats = 0;
    uint64_t bursts = 0;
};

constexpr uint64_t kAxiBoundaryBytes = 4096;

// width_bytes: a power of two <= 4096; max_beats >= 1.
BurstCount count_bursts(uint64_t address, uint64_t bytes, unsigned width_bytes,
                        unsigned max_beats);

// Beats and bursts on the initiator's port for what the initiator issued:
//  - beat_bytes (AxSIZE; 0 = the port width, clipped to it: a beat never exceeds the bus);
//  - burst_beats (AxLEN + 1; 0 = the port's limit, clipped to it);
//  - fixed_or_wrap: FIXED and WRAP bursts do not advance across pages, so the 4 KiB rule
//    does not split them (one beat per beat_bytes, bursts of burst_beats).
BurstCount count_issued_bursts(uint64_t address, uint64_t bytes, unsigned port_width_bytes,
                               unsigned port_max_beats, unsigned beat_bytes,
                               unsigned burst_beats, bool fixed_or_wrap);

}  // namespace vp
