// The platform's innermost loop: acc[j] += w[j] * d modulo 2^32, for one weight column
// (int8 weights, one int16 delta) into 32-bit accumulators. The datapath wraps to 24
// bits when it reads an accumulator, so accumulating modulo 2^32 gives the RTL's bits.
//
// Why hand-written kernels: an int8 x int16 product needs a 32-bit multiply, which SSE2
// lacks and AVX2's vpmulld does slowly. The kernels use the 16-bit multiply-add
// (pmaddwd) instead: a 32-bit lane holding w in its low half and d (high half zero) in
// the other operand gives w * d exactly. The default build assumes baseline x86-64 (SSE2); mac_kernels()
// picks the AVX2 or AVX-512 kernels at run time where the host has them (valgrind hides
// AVX-512, so under callgrind the AVX2 kernels run).
#pragma once

#include <cstdint>

namespace edgedrnn {

using MacColumnKernel = void (*)(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);
// Two columns in one pass: acc[j] += w1[j] * d1 + w2[j] * d2. One pmaddwd lane holds both
// weights and the other both deltas, so the pair costs little more than one column did,
// and the accumulators are read and written once instead of twice.
using MacPairKernel = void (*)(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                               unsigned n);
// Four columns in one pass: acc[j] += w[0][j] d[0] + ... + w[3][j] d[3]. Two pairs'
// products meet in registers, so the accumulators are read and written once for four.
using MacQuadKernel = void (*)(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n);

struct MacKernels {
    MacColumnKernel column;
    MacPairKernel pair;
    MacQuadKernel quad;
    const char* name;  // the instruction set: "sse2", "avx2" or "avx512bw"
};
// The fastest kernels this host runs, chosen once by CPUID. Callers in a hot loop keep a
// copy (DeltaGruDatapath does) rather than call through these every time.
const MacKernels& mac_kernels();

inline void mac_accumulate(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    mac_kernels().column(acc, w, d, n);
}
inline void mac_accumulate_pair(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                                unsigned n) {
    mac_kernels().pair(acc, w1, w2, d1, d2, n);
}

// The kernels themselves (tests and the benchmark compare them with the scalar loop).
// Each vector kernel runs only where the matching host_has_* says so.
void mac_accumulate_scalar(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);
void mac_accumulate_sse2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);
void mac_accumulate_avx2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);
void mac_accumulate_avx512bw(uint32_t* acc, const int8_t* w, int16_t d, unsigned n);
void mac_accumulate_pair_scalar(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                                unsigned n);
void mac_accumulate_pair_sse2(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                              unsigned n);
void mac_accumulate_pair_avx2(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                              unsigned n);
void mac_accumulate_pair_avx512bw(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                                  unsigned n);
void mac_accumulate_quad_scalar(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n);
void mac_accumulate_quad_sse2(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n);  // two pairs
void mac_accumulate_quad_avx2(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n);
void mac_accumulate_quad_avx512bw(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n);
bool host_has_avx2();
bool host_has_avx512bw();    // with AVX-512F and VL, which the kernels also use

}  // namespace edgedrnn
