#include "vp/memory/dram/address_mapping.h"

namespace vp {
namespace {

unsigned log2_exact(uint64_t v) {
    unsigned n = 0;
    while ((uint64_t{1} << n) < v) ++n;
    return n;
}

uint64_t mask(unsigned bits) { return (uint64_t{1} << bits) - 1; }

}  // namespace

AddressMapping::AddressMapping(const DramParams& p) {
    const unsigned bank_bits = log2_exact(p.banks);
    const unsigned column_bits = log2_exact(p.columns / p.burst_length);  // bursts per row, as bits
    const unsigned row_bits = log2_exact(p.rows);
    bank_mask_ = mask(bank_bits);
    row_mask_ = mask(row_bits);
    xor_mask_ = p.xor_bank ? bank_mask_ : 0;
    switch (p.order) {
    case AddressOrder::RowBankColumn:
        bank_shift_ = column_bits;
        row_shift_ = column_bits + bank_bits;
        run_length_ = uint64_t{1} << column_bits;
        break;
    case AddressOrder::BankRowColumn:
        row_shift_ = column_bits;
        bank_shift_ = column_bits + row_bits;
        run_length_ = uint64_t{1} << column_bits;
        break;
    case AddressOrder::RowColumnBank:
        bank_shift_ = 0;
        row_shift_ = bank_bits + column_bits;
        run_length_ = 1;  // the next burst is in the next bank
        break;
    }
    run_mask_ = run_length_ - 1;
}

}  // namespace vp
