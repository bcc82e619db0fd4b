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

namespace burst_math_detail {
inline uint64_t div_up(uint64_t a, uint64_t b) { return a / b + (a % b != 0); }
}  // namespace burst_math_detail

// width_bytes: a power of two <= 4096; max_beats >= 1. Inline: it runs twice per
// transaction.
inline BurstCount count_bursts(uint64_t address, uint64_t bytes, unsigned width_bytes,
                               unsigned max_beats) {
    using burst_math_detail::div_up;
    if (bytes == 0) return {};
    // Widths are powers of two: shifts, not divisions.
    const unsigned width_shift = static_cast<unsigned>(__builtin_ctz(width_bytes));
    constexpr unsigned kPageShift = 12;  // 4 KiB
    static_assert(kAxiBoundaryBytes == 1u << kPageShift, "4 KiB boundary");
    const uint64_t last_byte = address + (bytes - 1);
    const uint64_t first_beat = address >> width_shift;  // beat indices in the address space
    const uint64_t last_beat = last_byte >> width_shift;
    BurstCount c;
    c.beats = last_beat - first_beat + 1;

    const uint64_t first_page = address >> kPageShift;
    const uint64_t last_page = last_byte >> kPageShift;
    if (first_page == last_page) {
        c.bursts = div_up(c.beats, max_beats);
        return c;
    }
    // Beats per 4 KiB page; the width divides 4 KiB, so no beat straddles a boundary.
    const unsigned page_shift = kPageShift - width_shift;
    const uint64_t page_beats = uint64_t{1} << page_shift;
    const uint64_t head = page_beats - (first_beat & (page_beats - 1));  // in the first page
    const uint64_t tail = (last_beat & (page_beats - 1)) + 1;           // in the last page
    const uint64_t full_pages = last_page - first_page - 1;
    c.bursts = div_up(head, max_beats) + div_up(tail, max_beats);
    if (full_pages) c.bursts += full_pages * div_up(page_beats, max_beats);
    return c;
}

// Beats and bursts on the initiator's port for what the initiator issued:
//  - beat_bytes (AxSIZE; 0 = the port width, clipped to it: a beat never exceeds the bus);
//  - burst_beats (AxLEN + 1; 0 = the port's limit, clipped to it);
//  - fixed_or_wrap: FIXED and WRAP bursts do not advance across pages, so the 4 KiB rule
//    does not split them (one beat per beat_bytes, bursts of burst_beats).
inline BurstCount count_issued_bursts(uint64_t address, uint64_t bytes, unsigned port_width_bytes,
                                      unsigned port_max_beats, unsigned beat_bytes,
                                      unsigned burst_beats, bool fixed_or_wrap) {
    using burst_math_detail::div_up;
    // A narrow beat size that is not a power of two is not AXI: treat it as the port width.
    const unsigned width = beat_bytes == 0 || beat_bytes > port_width_bytes ||
                                   (beat_bytes & (beat_bytes - 1)) != 0
                               ? port_width_bytes
                               : beat_bytes;
    const unsigned max_beats = burst_beats == 0 || burst_beats > port_max_beats ? port_max_beats
                                                                                : burst_beats;
    if (!fixed_or_wrap) return count_bursts(address, bytes, width, max_beats);
    if (bytes == 0) return {};
    BurstCount c;
    c.beats = div_up(bytes, width);
    c.bursts = div_up(c.beats, max_beats);
    return c;
}

// True when what the initiator issued is what its port would issue by itself (AxSIZE the
// port width or none, AxLEN the port's limit or none, INCR): count_issued_bursts is then
// count_bursts at the port's width and limit (the usual case, checked first).
inline bool issues_port_bursts(unsigned port_width_bytes, unsigned port_max_beats,
                               unsigned beat_bytes, unsigned burst_beats, bool fixed_or_wrap) {
    return !fixed_or_wrap && (beat_bytes == 0 || beat_bytes == port_width_bytes) &&
           (burst_beats == 0 || burst_beats >= port_max_beats);
}

// True when count_bursts gives the same count at both addresses (at one width and limit,
// a transfer's beats and bursts depend on its address only through its 4 KiB page offset).
inline bool same_page_offset(uint64_t a, uint64_t b) {
    return ((a ^ b) & (kAxiBoundaryBytes - 1)) == 0;
}

}  // namespace vp
