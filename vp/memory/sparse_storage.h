// Byte storage for large memories that allocates only the pages that are touched, so a
// 512 MiB DDR costs nothing until software writes it. Untouched bytes read as zero.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace vp {

class SparseStorage {
public:
    static constexpr uint64_t kPageBytes = 64 * 1024;

    explicit SparseStorage(uint64_t size_bytes);

    uint64_t size_bytes() const { return size_; }
    // Both require offset + length <= size_bytes().
    void read(uint64_t offset, uint8_t* dst, uint64_t length) const;
    void write(uint64_t offset, const uint8_t* src, uint64_t length);
    // Pointer to the page holding offset, allocated on demand (for DMI).
    uint8_t* page(uint64_t offset);
    uint64_t pages_allocated() const;

private:
    uint64_t size_;
    std::vector<std::unique_ptr<uint8_t[]>> pages_;
};

}  // namespace vp
