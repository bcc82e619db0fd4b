#include "vp/memory/dram/address_mapping.h"

namespace vp {
namespace {

unsigned log2_exact(uint64_t v) {
    unsigned n = 0;
    while ((uint64_t{1} << n) < v) ++n;
    return n;
}

uint64_t field(uint64_t value, unsigned shift, unsigned bits) {
    return (value >> shift) & ((uint64_t{1} << bits) - 1);
}

}  // namespace

AddressMapping::AddressMapping(const DramParams& p)
    : order_(p.order),
      xor_bank_(p.xor_bank),
      bank_bits_(log2_exact(p.banks)),
      column_bits_(log2_exact(p.columns / p.burst_length)),
      row_bits_(log2_exact(p.rows)) {}

BurstLocation AddressMapping::locate(uint64_t burst) const {
    BurstLocation at;
    uint64_t column = 0;
    switch (order_) {
    case AddressOrder::RowBankColumn:
        column = field(burst, 0, column_bits_);
        at.bank = static_cast<uint32_t>(field(burst, column_bits_, bank_bits_));
        at.row = field(burst, column_bits_ + bank_bits_, row_bits_);
        at.run_bursts = (uint64_t{1} << column_bits_) - column;
        break;
    case AddressOrder::BankRowColumn:
        column = field(burst, 0, column_bits_);
        at.row = field(burst, column_bits_, row_bits_);
        at.bank = static_cast<uint32_t>(field(burst, column_bits_ + row_bits_, bank_bits_));
        at.run_bursts = (uint64_t{1} << column_bits_) - column;
        break;
    case AddressOrder::RowColumnBank:
        at.bank = static_cast<uint32_t>(field(burst, 0, bank_bits_));
        at.row = field(burst, bank_bits_ + column_bits_, row_bits_);
        at.run_bursts = 1;  // the next burst is in the next bank
        break;
    }
    if (xor_bank_) at.bank ^= static_cast<uint32_t>(field(at.row, 0, bank_bits_));
    return at;
}

}  // namespace vp
