#include "vp/memory/sparse_storage.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <new>
#include <vector>

namespace vp {

SparseStorage::SparseStorage(uint64_t size_bytes) : size_(size_bytes) {
    const uint64_t host_page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
    mapped_ = (size_bytes + host_page - 1) / host_page * host_page;
    if (mapped_ == 0) mapped_ = host_page;
    void* p = mmap(nullptr, mapped_, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    base_ = static_cast<uint8_t*>(p);
}

SparseStorage::~SparseStorage() { munmap(base_, mapped_); }

void SparseStorage::read(uint64_t offset, uint8_t* dst, uint64_t length) const {
    std::memcpy(dst, base_ + offset, length);
}

void SparseStorage::write(uint64_t offset, const uint8_t* src, uint64_t length) {
    std::memcpy(base_ + offset, src, length);
}

uint64_t SparseStorage::pages_allocated() const {
    const uint64_t host_page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> resident(mapped_ / host_page);
    if (mincore(base_, mapped_, resident.data()) != 0) return 0;
    const uint64_t per_page = kPageBytes / host_page;
    uint64_t pages = 0;
    for (uint64_t i = 0; i < resident.size(); i += per_page) {
        bool any = false;
        for (uint64_t k = i; k < i + per_page && k < resident.size(); ++k) any = any || (resident[k] & 1);
        pages += any;
    }
    return pages;
}

}  // namespace vp
