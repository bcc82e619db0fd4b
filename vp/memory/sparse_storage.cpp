#include "vp/memory/sparse_storage.h"

#include <algorithm>
#include <cstring>

namespace vp {

SparseStorage::SparseStorage(uint64_t size_bytes)
    : size_(size_bytes), pages_((size_bytes + kPageBytes - 1) / kPageBytes) {}

uint8_t* SparseStorage::page(uint64_t offset) {
    auto& p = pages_[offset / kPageBytes];
    if (!p) p.reset(new uint8_t[kPageBytes]());  // zero-filled
    return p.get();
}

void SparseStorage::read(uint64_t offset, uint8_t* dst, uint64_t length) const {
    while (length) {
        const uint64_t in_page = offset % kPageBytes;
        const uint64_t n = std::min(length, kPageBytes - in_page);
        const auto& p = pages_[offset / kPageBytes];
        if (p) std::memcpy(dst, p.get() + in_page, n); else std::memset(dst, 0, n);
        offset += n; dst += n; length -= n;
    }
}

void SparseStorage::write(uint64_t offset, const uint8_t* src, uint64_t length) {
    while (length) {
        const uint64_t in_page = offset % kPageBytes;
        const uint64_t n = std::min(length, kPageBytes - in_page);
        std::memcpy(page(offset) + in_page, src, n);
        offset += n; src += n; length -= n;
    }
}

uint64_t SparseStorage::pages_allocated() const {
    return static_cast<uint64_t>(std::count_if(pages_.begin(), pages_.end(),
                                               [](const auto& p) { return p != nullptr; }));
}

}  // namespace vp
