#include "peripherals/edgedrnn/mac_kernel.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
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

#ifdef EDGEDRNN_X86

namespace {
// Each 32-bit lane: d1 in the low half, d2 in the high half (pairs with (w1, w2) lanes).
int32_t delta_pair(int16_t d1, int16_t d2) {
    return static_cast<int32_t>(static_cast<uint16_t>(d1) | (static_cast<uint32_t>(static_cast<uint16_t>(d2)) << 16));
}
}  // namespace

void mac_accumulate_sse2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    // Each 32-bit lane of `dv`: d in the low half, 0 in the high half.
    const __m128i dv = _mm_set1_epi32(static_cast<int32_t>(static_cast<uint16_t>(d)));
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
    mac_accumulate_scalar(acc + j, w + j, d, n - j);
}

__attribute__((target("avx2"))) void mac_accumulate_avx2(uint32_t* acc, const int8_t* w, int16_t d,
                                                         unsigned n) {
    const __m256i dv = _mm256_set1_epi32(static_cast<int32_t>(static_cast<uint16_t>(d)));
    unsigned j = 0;
    for (; j + 16 <= n; j += 16) {
        // vpmovsxbd: 8 weights to 32-bit lanes, w in the low half (sign bits above).
        const __m256i w0 = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(w + j)));
        const __m256i w1 = _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(w + j + 8)));
        __m256i* a = reinterpret_cast<__m256i*>(acc + j);
        _mm256_storeu_si256(a, _mm256_add_epi32(_mm256_loadu_si256(a), _mm256_madd_epi16(w0, dv)));
        _mm256_storeu_si256(a + 1, _mm256_add_epi32(_mm256_loadu_si256(a + 1), _mm256_madd_epi16(w1, dv)));
    }
    mac_accumulate_scalar(acc + j, w + j, d, n - j);
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
    mac_accumulate_pair_scalar(acc + j, w1 + j, w2 + j, d1, d2, n - j);
}

__attribute__((target("avx2"))) void mac_accumulate_pair_avx2(uint32_t* acc, const int8_t* w1, const int8_t* w2,
                                                              int16_t d1, int16_t d2, unsigned n) {
    const __m256i dv = _mm256_set1_epi32(delta_pair(d1, d2));
    unsigned j = 0;
    for (; j + 16 <= n; j += 16) {
        const __m256i a = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w1 + j)));
        const __m256i b = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w2 + j)));
        // Unpacking works within 128-bit halves: lo holds elements 0-3 and 8-11, hi 4-7
        // and 12-15; the permutes put them back in order.
        const __m256i lo = _mm256_madd_epi16(_mm256_unpacklo_epi16(a, b), dv);
        const __m256i hi = _mm256_madd_epi16(_mm256_unpackhi_epi16(a, b), dv);
        __m256i* o = reinterpret_cast<__m256i*>(acc + j);
        _mm256_storeu_si256(o, _mm256_add_epi32(_mm256_loadu_si256(o), _mm256_permute2x128_si256(lo, hi, 0x20)));
        _mm256_storeu_si256(o + 1, _mm256_add_epi32(_mm256_loadu_si256(o + 1), _mm256_permute2x128_si256(lo, hi, 0x31)));
    }
    mac_accumulate_pair_scalar(acc + j, w1 + j, w2 + j, d1, d2, n - j);
}

bool host_has_avx2() {
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}

#else  // not x86: the compiler's own vectorisation of the scalar loop

void mac_accumulate_sse2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    mac_accumulate_scalar(acc, w, d, n);
}
void mac_accumulate_avx2(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
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
bool host_has_avx2() { return false; }

#endif

void mac_accumulate(uint32_t* acc, const int8_t* w, int16_t d, unsigned n) {
    static const auto kernel = host_has_avx2() ? &mac_accumulate_avx2 : &mac_accumulate_sse2;
    kernel(acc, w, d, n);
}

void mac_accumulate_pair(uint32_t* acc, const int8_t* w1, const int8_t* w2, int16_t d1, int16_t d2, unsigned n) {
    static const auto kernel = host_has_avx2() ? &mac_accumulate_pair_avx2 : &mac_accumulate_pair_sse2;
    kernel(acc, w1, w2, d1, d2, n);
}

}  // namespace edgedrnn
