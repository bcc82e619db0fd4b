// The platform's innermost loop: acc[j] += w[j] * d modulo 2^32, for one weight column
// (int8 weights, one int16 delta) into 32-bit accumulators. The datapath wraps to 24
// bits when it reads an accumulator, so accumulating modulo 2^32 gives the RTL's bits.
//
// Why hand-written kernels: an int8 x int16 product needs a 32-bit multiply, which SSE2
// lacks and AVX2's vpmulld does slowly. Both kernels use the 16-bit multiply-add
// (pmaddwd) instead: a 32-bit lane holding w in its low half and d (high half zero) in
// the other operand gives w * d exactly. The default build assumes baseline x86-64
// (SSE2); mac_accumulate picks the AVX2 kernel at run time where the host has it.
#pragma once

#include <cstdint>

namespace edgedrnn {

void mac_accumulate(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);  // the best kernel here
// Two columns in one pass: acc[j] += w1[j] * d1 + w2[j] * d2. One pmaddwd lane holds both
// weights and the other both deltas, so the pair costs little more than one column did,
// and the accumulators are read and written once instead of twice.
void mac_accumulate_pair(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                         unsigned n);

// The kernels themselves (tests compare them with the scalar loop).
void mac_accumulate_scalar(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);
void mac_accumulate_sse2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);
void mac_accumulate_avx2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);  // AVX2 hosts only
void mac_accumulate_pair_scalar(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                                unsigned n);
void mac_accumulate_pair_sse2(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                              unsigned n);
void mac_accumulate_pair_avx2(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                              unsigned n);  // AVX2 hosts only
bool host_has_avx2();

}  // namespace edgedrnn
