// Byte storage for large memories that costs only the pages that are touched, so a
// 512 MiB DDR is free until software writes it. One contiguous anonymous mapping
// reserved without backing (MAP_NORESERVE): the OS supplies zero-filled pages on first
// touch. Being contiguous, the whole memory can be handed out as one DMI region, so the
// CPU and loaders see plain host memory.
#pragma once

#include <cstdint>

namespace vp {

class SparseStorage {
public:
    static constexpr uint64_t kPageBytes = 64 * 1024;  // granularity of pages_allocated()

    explicit SparseStorage(uint64_t size_bytes);
    ~SparseStorage();
    SparseStorage(const SparseStorage&) = delete;
    SparseStorage& operator=(const SparseStorage&) = delete;

    uint64_t size_bytes() const { return size_; }
    // Both require offset + length <= size_bytes().
    void read(uint64_t offset, uint8_t* dst, uint64_t length) const;
    void write(uint64_t offset, const uint8_t* src, uint64_t length);
    // The whole memory as host memory (for DMI).
    uint8_t* data() { return base_; }
    // Pointer to the kPageBytes page holding offset (kept for page-granular users).
    uint8_t* page(uint64_t offset) { return base_ + offset / kPageBytes * kPageBytes; }
    // kPageBytes pages that hold at least one resident host page.
    uint64_t pages_allocated() const;

private:
    uint64_t size_;
    uint64_t mapped_;
    uint8_t* base_;
};

}  // namespace vp
