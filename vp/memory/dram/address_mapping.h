// Which bank and row a burst lands in: the controller's address mapping.
//
// Addresses are cut into fields, high to low (the low log2(burst_bytes) bits are the
// byte within one burst and never matter):
//   row_bank_column  [row][bank][column]      a sequential stream fills a whole row,
//                                             then moves to the next bank (page interleave)
//   bank_row_column  [bank][row][column]      no interleaving: a stream stays in one bank
//   row_column_bank  [row][column][bank][-]   consecutive bursts rotate over the banks
//                                             (burst interleave; DDR4 needs it to dodge tCCD_L)
// xor_bank: bank ^= the low bank-width bits of the row, so strides that are a multiple
// of a row spread over the banks instead of hitting one bank's rows in turn.
#pragma once

#include <cstdint>

#include "vp/memory/dram/dram_params.h"

namespace vp {

struct BurstLocation {
    uint32_t bank = 0;
    uint64_t row = 0;
    uint64_t run_bursts = 1;  // bursts from this one on that stay in this bank and row
};

class AddressMapping {
public:
    explicit AddressMapping(const DramParams& p);
    // `burst` = address / burst_bytes. Addresses beyond the part's capacity wrap.
    // (Every order is shifts and masks, set up once: see the constructor.)
    BurstLocation locate(uint64_t burst) const {
        BurstLocation at;
        at.row = (burst >> row_shift_) & row_mask_;
        at.bank = static_cast<uint32_t>(((burst >> bank_shift_) & bank_mask_) ^ (at.row & xor_mask_));
        at.run_bursts = run_length_ - (burst & run_mask_);
        return at;
    }

private:
    unsigned bank_shift_ = 0, row_shift_ = 0;
    uint64_t bank_mask_ = 0, row_mask_ = 0;
    uint64_t xor_mask_ = 0;                  // xor_bank: the bank mask, else 0
    // A run is the rest of an aligned block of run_length_ bursts: a row's columns (the
    // column field lowest) or a single burst (row_column_bank). run_mask_ = run_length_ - 1.
    uint64_t run_length_ = 1, run_mask_ = 0;
};

}  // namespace vp
