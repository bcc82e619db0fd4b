#include "vp/interconnect/burst_math.h"

namespace vp {
namespace {

uint64_t div_up(uint64_t a, uint64_t b) { return a / b + (a % b != 0); }

}  // namespace

BurstCount count_bursts(uint64_t address, uint64_t bytes, unsigned width_bytes,
                        unsigned max_beats) {
    if (bytes == 0) return {};
    // Widths are powers of two: shifts, not divisions (this runs on every transaction).
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
    c.bursts = div_up(head, max_beats) + full_pages * div_up(page_beats, max_beats) +
               div_up(tail, max_beats);
    return c;
}

BurstCount count_issued_bursts(uint64_t address, uint64_t bytes, unsigned port_width_bytes,
                               unsigned port_max_beats, unsigned beat_bytes,
                               unsigned burst_beats, bool fixed_or_wrap) {
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

}  // namespace vp
