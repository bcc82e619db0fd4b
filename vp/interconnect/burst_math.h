// How AXI carries a transfer on one port, computed arithmetically (no loop over bursts):
// one b_transport carries a whole DMA transfer or weight column, and the interconnect
// still counts the beats and bursts the hardware would issue.
//
// Rules (AMBA AXI, A3.4): a beat moves one bus-width-aligned word; a burst has at most
// the port's maximum length and never crosses a 4 KiB boundary. Beats are counted from the
// aligned start to the aligned end, so an unaligned start costs a (partial) extra beat as
// on the bus; for aligned transfers this is ceil(bytes / width).
// Simplification: a master is assumed to issue the longest legal bursts (INCR, greedy);
// narrow transfers and WRAP/FIXED bursts are not modelled (issue 5's AXI extension).
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

}  // namespace vp
