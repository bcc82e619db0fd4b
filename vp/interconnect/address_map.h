// The decoder of an interconnect: non-overlapping address windows, each leading to one
// target. Built before elaboration (add() checks every rule then), searched on every
// transaction by binary search over the windows sorted by base (no allocation).
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
    // The unmapped gap around an address that find() rejected, inclusive bounds (for a
    // DMI denial, so an initiator does not ask again anywhere in the gap).
    void gap_around(uint64_t address, uint64_t& first, uint64_t& last) const;

    const std::vector<AddressRegion>& regions() const { return regions_; }

private:
    std::vector<AddressRegion> regions_;  // sorted by base, disjoint
};

}  // namespace vp
