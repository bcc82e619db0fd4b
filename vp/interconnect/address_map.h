// The decoder of an interconnect: non-overlapping address windows, each leading to one
// target. Built before elaboration (add() checks every rule then), searched on every
// transaction by binary search over the windows sorted by base (no allocation), after a
// check of the caller's last window.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vp/interconnect/port_params.h"

namespace vp {

class AddressMap {
public:
    // `owner` prefixes error messages. Throws ConfigError for a zero size, a window that
    // runs past the end of the 64-bit space, or one that overlaps another (both named).
    void add(const AddressRegion& region, const std::string& owner);

    // The window holding `address`, or nullptr.
    const AddressRegion* find(uint64_t address) const;
    // The window holding all of [address, address + length), or nullptr when the address
    // is unmapped or the range runs past the window's end (a length of 0 counts as 1).
    const AddressRegion* decode(uint64_t address, uint64_t length) const;
    // decode() that first tries `hint`, the window the caller hit last (nullptr at first),
    // and updates it: the same answer, without the search while a caller stays in one
    // window. add() invalidates hints (they point into the map).
    const AddressRegion* decode(uint64_t address, uint64_t length,
                                const AddressRegion*& hint) const {
        const AddressRegion* r = hint;
        if (!r || address - r->base > r->size - 1) {
            r = find(address);
            if (!r) return nullptr;
            hint = r;
        }
        const uint64_t room = r->last() - address;  // bytes after the first, inclusive window
        return (length == 0 || length - 1 <= room) ? r : nullptr;
    }
    // The unmapped gap around an address that find() rejected, inclusive bounds (for a
    // DMI denial, so an initiator does not ask again anywhere in the gap).
    void gap_around(uint64_t address, uint64_t& first, uint64_t& last) const;

    const std::vector<AddressRegion>& regions() const { return regions_; }

private:
    std::vector<AddressRegion> regions_;  // sorted by base, disjoint
};

}  // namespace vp
