#include "vp/interconnect/address_map.h"

#include <algorithm>
#include <cstdio>

#include "vp/config/config.h"

namespace vp {
namespace {

std::string describe(const AddressRegion& r) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " [0x%llx, 0x%llx]", static_cast<unsigned long long>(r.base),
                  static_cast<unsigned long long>(r.last()));
    return "'" + r.name + "'" + buf;
}

}  // namespace

void AddressMap::add(const AddressRegion& r, const std::string& owner) {
    if (r.size == 0) throw ConfigError(owner + ": region '" + r.name + "' has size 0");
    if (r.base + (r.size - 1) < r.base)
        throw ConfigError(owner + ": region '" + r.name + "' runs past the end of the address space");
    if (r.target_offset + (r.size - 1) < r.target_offset)
        throw ConfigError(owner + ": region '" + r.name + "': target_offset + size overflows");
    for (const AddressRegion& o : regions_)
        if (r.base <= o.last() && o.base <= r.last())
            throw ConfigError(owner + ": region " + describe(r) + " overlaps region " + describe(o));
    const auto pos = std::upper_bound(
        regions_.begin(), regions_.end(), r.base,
        [](uint64_t base, const AddressRegion& x) { return base < x.base; });
    regions_.insert(pos, r);
}

const AddressRegion* AddressMap::find(uint64_t address) const {
    // The last window whose base is <= address, if it reaches that far.
    auto it = std::upper_bound(
        regions_.begin(), regions_.end(), address,
        [](uint64_t a, const AddressRegion& x) { return a < x.base; });
    if (it == regions_.begin()) return nullptr;
    --it;
    return address <= it->last() ? &*it : nullptr;
}

const AddressRegion* AddressMap::decode(uint64_t address, uint64_t length) const {
    const AddressRegion* r = find(address);
    if (!r) return nullptr;
    const uint64_t room = r->last() - address;  // bytes after the first, inclusive window
    return (length == 0 || length - 1 <= room) ? r : nullptr;
}

void AddressMap::gap_around(uint64_t address, uint64_t& first, uint64_t& last) const {
    first = 0;
    last = ~uint64_t{0};
    for (const AddressRegion& r : regions_) {
        if (r.last() < address) first = r.last() + 1;
        else if (r.base > address) { last = r.base - 1; break; }
    }
}

}  // namespace vp
