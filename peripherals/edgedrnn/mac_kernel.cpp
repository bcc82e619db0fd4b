#include "peripherals/edgedrnn/mac_kernel.h"

#include <cstddef>

#if defined(__x86_64__) || defined(__i386__)
// GCC 12's AVX-512 headers trip -Wmaybe-uninitialized on their own undefined-vector
// helper (GCC bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#define EDGEDRNN_X86 1
#endif

namespace edgedrnn {

void mac_accumulate_scalar(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    for (unsigned j = 0; j < n; ++j) acc[j] += static_cast<uint32_t>(int32_t{w[j]} * d);
}

void mac_accumulate_pair_scalar(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                                unsigned n) {
    mac_accumulate_scalar(acc, w1, d1, n);
    mac_accumulate_scalar(acc, w2, d2, n);
}

void mac_accumulate_quad_scalar(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n) {
    for (unsigned k = 0; k < 4; ++k) mac_accumulate_scalar(acc, w[k], d[k], n);
}

// Baseline x86-64 and other hosts: two pair passes.
void mac_accumulate_quad_sse2(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n) {
    mac_accumulate_pair_sse2(acc, w[0], w[1], d[0], d[1], n);
    mac_accumulate_pair_sse2(acc, w[2], w[3], d[2], d[3], n);
}

#ifdef EDGEDRNN_X86

namespace {
// Each 32-bit lane: d1 in the low half, d2 in the high half (pairs with (w1, w2) lanes).
int32_t delta_pair(int16_t d1, int16_t d2) {
    return static_cast<int32_t>(static_cast<uint16_t>(d1) | (static_cast<uint32_t>(static_cast<uint16_t>(d2)) << 16));
}
// Each 32-bit lane: d in the low half, 0 in the high half, so the high half of the
// weight lane (sign bits) adds nothing.
int32_t delta_alone(int16_t d) { return static_cast<int32_t>(static_cast<uint16_t>(d)); }

// The last n < 8 (or n < 16) rows. Out of line: inlined, the compiler vectorises it
// with run-time alias checks and the kernel then saves registers on every call.
__attribute__((noinline)) void scalar_tail(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    for (unsigned j = 0; j < n; ++j) acc[j] += static_cast<uint32_t>(int32_t{w[j]} * d);
}
__attribute__((noinline)) void scalar_pair_tail(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1,
                                                int16_t d2, unsigned n) {
    for (unsigned j = 0; j < n; ++j)
        acc[j] += static_cast<uint32_t>(int32_t{w1[j]} * d1 + int32_t{w2[j]} * d2);
}
}  // namespace

void mac_accumulate_sse2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    const __m128i dv = _mm_set1_epi32(delta_alone(d));
    const __m128i zero = _mm_setzero_si128();
    unsigned j = 0;
    for (; j + 8 <= n; j += 8) {
        const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(w + j));
        const __m128i w16 = _mm_srai_epi16(_mm_unpacklo_epi8(bytes, bytes), 8);  // sign-extended
        // (w, 0) pairs: the high half's product is with d's zero half, so any value does.
        const __m128i p0 = _mm_madd_epi16(_mm_unpacklo_epi16(w16, zero), dv);
        const __m128i p1 = _mm_madd_epi16(_mm_unpackhi_epi16(w16, zero), dv);
        __m128i* a = reinterpret_cast<__m128i*>(acc + j);
        _mm_storeu_si128(a, _mm_add_epi32(_mm_loadu_si128(a), p0));
        _mm_storeu_si128(a + 1, _mm_add_epi32(_mm_loadu_si128(a + 1), p1));
    }
    scalar_tail(acc + j, w + j, d, n - j);
}

void mac_accumulate_pair_sse2(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                              unsigned n) {
    const __m128i dv = _mm_set1_epi32(delta_pair(d1, d2));
    unsigned j = 0;
    for (; j + 8 <= n; j += 8) {
        const __m128i b1 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(w1 + j));
        const __m128i b2 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(w2 + j));
        const __m128i a = _mm_srai_epi16(_mm_unpacklo_epi8(b1, b1), 8);  // 8 x int16
        const __m128i b = _mm_srai_epi16(_mm_unpacklo_epi8(b2, b2), 8);
        // (w1[i], w2[i]) lanes times (d1, d2): w1[i] d1 + w2[i] d2, exact in 32 bits.
        const __m128i p0 = _mm_madd_epi16(_mm_unpacklo_epi16(a, b), dv);
        const __m128i p1 = _mm_madd_epi16(_mm_unpackhi_epi16(a, b), dv);
        __m128i* o = reinterpret_cast<__m128i*>(acc + j);
        _mm_storeu_si128(o, _mm_add_epi32(_mm_loadu_si128(o), p0));
        _mm_storeu_si128(o + 1, _mm_add_epi32(_mm_loadu_si128(o + 1), p1));
    }
    scalar_pair_tail(acc + j, w1 + j, w2 + j, d1, d2, n - j);
}

// ------------------------------------------------------------------------------ AVX2

namespace {
// The products of 8 (w1, w2) byte pairs (interleaved, as _mm_unpack*_epi8 leaves them)
// with (d1, d2): sign-extended to 16 bits, each pair is one 32-bit lane for pmaddwd.
__attribute__((target("avx2"))) inline __m256i pair_products_avx2(__m128i byte_pairs, __m256i dv) {
    return _mm256_madd_epi16(_mm256_cvtepi8_epi16(byte_pairs), dv);
}
__attribute__((target("avx2"))) inline __m128i load16(const int8_t* w) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(w));
}
// acc[0..8) += v
__attribute__((target("avx2"))) inline void add8(uint32_t* acc, __m256i v) {
    __m256i* a = reinterpret_cast<__m256i*>(acc);
    _mm256_storeu_si256(a, _mm256_add_epi32(_mm256_loadu_si256(a), v));
}

// The last n < 32 rows of a pair (out of line, as scalar_tail).
__attribute__((target("avx2"), noinline)) void pair_rest_avx2(uint32_t* acc, const int8_t* w1, const int8_t* w2,
                                                              int16_t d1, int16_t d2, unsigned n) {
    const __m256i dv = _mm256_set1_epi32(delta_pair(d1, d2));
    unsigned j = 0;
    for (; j + 8 <= n; j += 8) {
        const __m128i b1 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(w1 + j));
        const __m128i b2 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(w2 + j));
        add8(acc + j, pair_products_avx2(_mm_unpacklo_epi8(b1, b2), dv));
    }
    scalar_pair_tail(acc + j, w1 + j, w2 + j, d1, d2, n - j);
}
}  // namespace

__attribute__((target("avx2"))) void mac_accumulate_avx2(uint32_t* acc, const int8_t* w, int16_t d,
                                                         unsigned n) {
    const __m256i dv = _mm256_set1_epi32(delta_alone(d));
    unsigned j = 0;
    for (; j + 16 <= n; j += 16) {
        // vpmovsxbd: 8 weights to 32-bit lanes, w in the low half (sign bits above).
        const __m256i w0 = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(w + j)));
        const __m256i w1 = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(w + j + 8)));
        add8(acc + j, _mm256_madd_epi16(w0, dv));
        add8(acc + j + 8, _mm256_madd_epi16(w1, dv));
    }
    scalar_tail(acc + j, w + j, d, n - j);
}

__attribute__((target("avx2"))) void mac_accumulate_pair_avx2(uint32_t* acc, const int8_t* w1, const int8_t* w2,
                                                              int16_t d1, int16_t d2, unsigned n) {
    const __m256i dv = _mm256_set1_epi32(delta_pair(d1, d2));
    std::size_t j = 0;  // (64-bit: no zero-extension of the index in the addresses)
    // 16 rows per step, two steps per pass. Interleaving 128-bit registers of bytes is
    // as few instructions as 256-bit ones and faster: no lane-crossing extracts.
    for (; j + 32 <= n; j += 32) {
        for (std::size_t k = j; k < j + 32; k += 16) {
            const __m128i b1 = load16(w1 + k), b2 = load16(w2 + k);
            add8(acc + k, pair_products_avx2(_mm_unpacklo_epi8(b1, b2), dv));      // rows 0-7
            add8(acc + k + 8, pair_products_avx2(_mm_unpackhi_epi8(b1, b2), dv));  // rows 8-15
        }
    }
    if (j < n) pair_rest_avx2(acc + j, w1 + j, w2 + j, d1, d2, n - static_cast<unsigned>(j));
}

__attribute__((target("avx2"))) void mac_accumulate_quad_avx2(uint32_t* acc, const int8_t* const* w,
                                                              const int16_t* d, unsigned n) {
    const int8_t *w1 = w[0], *w2 = w[1], *w3 = w[2], *w4 = w[3];
    const __m256i d12 = _mm256_set1_epi32(delta_pair(d[0], d[1]));
    const __m256i d34 = _mm256_set1_epi32(delta_pair(d[2], d[3]));
    std::size_t j = 0;
    for (; j + 32 <= n; j += 32) {
        for (std::size_t k = j; k < j + 32; k += 16) {
            const __m128i a1 = load16(w1 + k), a2 = load16(w2 + k), b1 = load16(w3 + k), b2 = load16(w4 + k);
            add8(acc + k, _mm256_add_epi32(pair_products_avx2(_mm_unpacklo_epi8(a1, a2), d12),
                                           pair_products_avx2(_mm_unpacklo_epi8(b1, b2), d34)));
            add8(acc + k + 8, _mm256_add_epi32(pair_products_avx2(_mm_unpackhi_epi8(a1, a2), d12),
                                               pair_products_avx2(_mm_unpackhi_epi8(b1, b2), d34)));
        }
    }
    if (j < n) {
        const auto rest = n - static_cast<unsigned>(j);
        pair_rest_avx2(acc + j, w1 + j, w2 + j, d[0], d[1], rest);
        pair_rest_avx2(acc + j, w3 + j, w4 + j, d[2], d[3], rest);
    }
}

// --------------------------------------------------------------------------- AVX-512
// 16 accumulators per register. Fewer than 32 (or 16) rows left: the AVX2 kernel takes
// them (every AVX-512 host has AVX2). (VNNI's vpdpwssd, which adds the products into
// the accumulators itself, was slower than pmaddwd + add on the Zen 4 this was measured
// on: tests/bench/mac_kernel_bench.)

#define EDGEDRNN_AVX512BW "avx512f,avx512bw,avx512vl"

namespace {
// 32 rows of (w1, w2) byte pairs in row order: rows 0-15 in `low`, 16-31 in `high`.
struct BytePairs32 {
    __m256i low, high;
};
__attribute__((target(EDGEDRNN_AVX512BW))) inline BytePairs32 byte_pairs_32(const int8_t* w1, const int8_t* w2) {
    const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w1));
    const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w2));
    // Within 128-bit halves: lo holds rows 0-7 and 16-23, hi rows 8-15 and 24-31.
    const __m256i lo = _mm256_unpacklo_epi8(b1, b2);
    const __m256i hi = _mm256_unpackhi_epi8(b1, b2);
    return {_mm256_permute2x128_si256(lo, hi, 0x20), _mm256_permute2x128_si256(lo, hi, 0x31)};
}
// The products of 16 byte pairs with (d1, d2), as pair_products_avx2.
__attribute__((target(EDGEDRNN_AVX512BW))) inline __m512i pair_products_avx512bw(__m256i byte_pairs, __m512i dv) {
    return _mm512_madd_epi16(_mm512_cvtepi8_epi16(byte_pairs), dv);
}
// acc[0..16) += v
__attribute__((target(EDGEDRNN_AVX512BW))) inline void add16(uint32_t* acc, __m512i v) {
    _mm512_storeu_si512(acc, _mm512_add_epi32(_mm512_loadu_si512(acc), v));
}
}  // namespace

__attribute__((target(EDGEDRNN_AVX512BW))) void mac_accumulate_avx512bw(uint32_t* acc, const int8_t* w, int16_t d,
                                                                        unsigned n) {
    const __m512i dv = _mm512_set1_epi32(delta_alone(d));
    std::size_t j = 0;
    for (; j + 16 <= n; j += 16) {
        const __m512i w32 = _mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w + j)));
        add16(acc + j, _mm512_madd_epi16(w32, dv));
    }
    if (j < n) mac_accumulate_avx2(acc + j, w + j, d, n - static_cast<unsigned>(j));
}

__attribute__((target(EDGEDRNN_AVX512BW))) void mac_accumulate_pair_avx512bw(uint32_t* acc, const int8_t* w1,
                                                                             const int8_t* w2, int16_t d1,
                                                                             int16_t d2, unsigned n) {
    const __m512i dv = _mm512_set1_epi32(delta_pair(d1, d2));
    std::size_t j = 0;
    for (; j + 32 <= n; j += 32) {
        const BytePairs32 p = byte_pairs_32(w1 + j, w2 + j);
        add16(acc + j, pair_products_avx512bw(p.low, dv));
        add16(acc + j + 16, pair_products_avx512bw(p.high, dv));
    }
    if (j < n) mac_accumulate_pair_avx2(acc + j, w1 + j, w2 + j, d1, d2, n - static_cast<unsigned>(j));
}

__attribute__((target(EDGEDRNN_AVX512BW))) void mac_accumulate_quad_avx512bw(uint32_t* acc, const int8_t* const* w,
                                                                             const int16_t* d, unsigned n) {
    const __m512i d12 = _mm512_set1_epi32(delta_pair(d[0], d[1]));
    const __m512i d34 = _mm512_set1_epi32(delta_pair(d[2], d[3]));
    std::size_t j = 0;
    for (; j + 32 <= n; j += 32) {
        const BytePairs32 p = byte_pairs_32(w[0] + j, w[1] + j), q = byte_pairs_32(w[2] + j, w[3] + j);
        add16(acc + j, _mm512_add_epi32(pair_products_avx512bw(p.low, d12), pair_products_avx512bw(q.low, d34)));
        add16(acc + j + 16,
              _mm512_add_epi32(pair_products_avx512bw(p.high, d12), pair_products_avx512bw(q.high, d34)));
    }
    if (j < n) {
        const int8_t* const rest[4] = {w[0] + j, w[1] + j, w[2] + j, w[3] + j};
        mac_accumulate_quad_avx2(acc + j, rest, d, n - static_cast<unsigned>(j));
    }
}

// __builtin_cpu_supports also checks that the OS saves the wider registers (XGETBV).
bool host_has_avx2() { return __builtin_cpu_supports("avx2"); }
bool host_has_avx512bw() {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") && host_has_avx2();
}

#else  // not x86: the compiler's own vectorisation of the scalar loop

void mac_accumulate_sse2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    mac_accumulate_scalar(acc, w, d, n);
}
void mac_accumulate_avx2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    mac_accumulate_scalar(acc, w, d, n);
}
void mac_accumulate_avx512bw(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    mac_accumulate_scalar(acc, w, d, n);
}
void mac_accumulate_pair_sse2(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                              unsigned n) {
    mac_accumulate_pair_scalar(acc, w1, w2, d1, d2, n);
}
void mac_accumulate_pair_avx2(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                              unsigned n) {
    mac_accumulate_pair_scalar(acc, w1, w2, d1, d2, n);
}
void mac_accumulate_pair_avx512bw(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2,
                                  unsigned n) {
    mac_accumulate_pair_scalar(acc, w1, w2, d1, d2, n);
}
void mac_accumulate_quad_avx2(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n) {
    mac_accumulate_quad_scalar(acc, w, d, n);
}
void mac_accumulate_quad_avx512bw(uint32_t* acc, const int8_t* const* w, const int16_t* d, unsigned n) {
    mac_accumulate_quad_scalar(acc, w, d, n);
}
bool host_has_avx2() { return false; }
bool host_has_avx512bw() { return false; }

#endif

namespace {
MacKernels select_mac_kernels() {
    if (host_has_avx512bw())
        return {&mac_accumulate_avx512bw, &mac_accumulate_pair_avx512bw, &mac_accumulate_quad_avx512bw, "avx512bw"};
    if (host_has_avx2())
        return {&mac_accumulate_avx2, &mac_accumulate_pair_avx2, &mac_accumulate_quad_avx2, "avx2"};
    return {&mac_accumulate_sse2, &mac_accumulate_pair_sse2, &mac_accumulate_quad_sse2, "sse2"};
}
}  // namespace

const MacKernels& mac_kernels() {
    static const MacKernels best = select_mac_kernels();
    return best;
}

}  // namespace edgedrnn
