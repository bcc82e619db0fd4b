// Beats and bursts of a transaction on both ports of its path (burst_math.h), with a
// small memo per path: an initiator mostly repeats a few transfer shapes (the
// accelerator's weight columns), and the counts depend on the addresses only through
// their 4 KiB page offsets.
#pragma once

#include <cstdint>

#include "vp/interconnect/axi_extension.h"
#include "vp/interconnect/burst_math.h"
#include "vp/interconnect/port_params.h"

namespace vp {

struct PathBursts {
    BurstCount initiator_side, target_side;
};

// The initiator's port as the initiator issued the beats (its AxiExtension), the target's
// re-packed at that port's width and limit.
inline PathBursts count_path_bursts(const PortParams& in, const PortParams& out,
                                    const AxiExtension* ext, uint64_t address,
                                    uint64_t target_address, uint64_t bytes) {
    PathBursts b;
    const bool fixed_or_wrap = ext && ext->burst != AxiExtension::Burst::Incr;
    // Usually the initiator issues what its port would by itself, and both ports pack
    // alike: then one count serves both.
    const bool port_bursts = !ext || issues_port_bursts(in.width_bytes, in.max_burst_beats,
                                                        ext->size_bytes, ext->burst_beats,
                                                        fixed_or_wrap);
    if (port_bursts)
        b.initiator_side = count_bursts(address, bytes, in.width_bytes, in.max_burst_beats);
    else
        b.initiator_side = count_issued_bursts(address, bytes, in.width_bytes, in.max_burst_beats,
                                               ext->size_bytes, ext->burst_beats, fixed_or_wrap);
    if (port_bursts && out.width_bytes == in.width_bytes &&
        out.max_burst_beats == in.max_burst_beats && same_page_offset(address, target_address))
        b.target_side = b.initiator_side;
    else
        b.target_side = count_bursts(target_address, bytes, out.width_bytes, out.max_burst_beats);
    return b;
}

// count_path_bursts of one path (its two ports fixed), remembered for the last shapes
// seen. A streaming initiator's transfers step through a few page offsets (2304-byte
// weight columns: 16 offsets, multiples of 256 bytes), so the memo is a small
// direct-mapped table indexed by the offset; it is emptied when the AXI attributes change.
class PathBurstMemo {
public:
    const PathBursts& get(const PortParams& in, const PortParams& out, const AxiExtension* ext,
                          uint64_t address, uint64_t target_address, uint64_t bytes) {
        const uint64_t issued =
            ext ? uint64_t{1} << 32 | uint64_t{static_cast<uint8_t>(ext->burst)} |
                      uint64_t{ext->size_bytes} << 8 | uint64_t{ext->burst_beats} << 16
                : 0;
        if (issued != issued_) {
            for (Entry& e : entries_) e.shape = kNoShape;
            issued_ = issued;
        }
        // bytes < 2^32 (a TLM data length): the shape fits in 56 bits.
        const uint64_t offset = address & (kAxiBoundaryBytes - 1);
        const uint64_t shape =
            bytes << 24 | offset << 12 | (target_address & (kAxiBoundaryBytes - 1));
        Entry& e = entries_[((offset >> 8) ^ (offset >> 4)) & (kEntries - 1)];
        if (e.shape != shape) {
            e.bursts = count_path_bursts(in, out, ext, address, target_address, bytes);
            e.shape = shape;
        }
        return e.bursts;
    }

private:
    static constexpr unsigned kEntries = 16;
    static constexpr uint64_t kNoShape = ~uint64_t{0};
    struct Entry {
        uint64_t shape = kNoShape;
        PathBursts bursts;
    };
    uint64_t issued_ = 0;  // the AxiExtension's attributes the entries hold (0: none)
    Entry entries_[kEntries];
};

}  // namespace vp
