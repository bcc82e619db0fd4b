// Zero-copy reads: an initiator that uses the data of a read before it yields (the
// accelerator's weight fetch: the MAC runs right after b_transport returns, in the same
// thread) may attach this ignorable extension and ask the memory to point at its storage
// instead of copying into the payload's buffer. A memory that honours it (Ram,
// IdealMemory) sets `data` and skips the copy; any other target copies as usual and
// leaves `data` null, so the initiator reads its own buffer. Timing, counters and errors
// are those of an ordinary read. Why: the copy of every weight column cost the simulator
// more than the multiply-accumulate that uses it.
#pragma once

#include <tlm>

namespace vp {

struct ReadInPlace : tlm::tlm_extension<ReadInPlace> {
    const unsigned char* data = nullptr;  // set by the memory for this transaction

    tlm::tlm_extension_base* clone() const override { return new ReadInPlace(*this); }
    void copy_from(const tlm::tlm_extension_base& other) override {
        data = static_cast<const ReadInPlace&>(other).data;
    }
};

// For a memory: serve a plain read (no byte enables) in place when asked; returns true
// when it did, so the caller skips its copy.
inline bool serve_read_in_place(tlm::tlm_generic_payload& trans, const unsigned char* storage_at) {
    ReadInPlace* ext = trans.get_extension<ReadInPlace>();
    if (!ext || !trans.is_read() || trans.get_byte_enable_ptr()) return false;
    ext->data = storage_at;
    return true;
}

}  // namespace vp
