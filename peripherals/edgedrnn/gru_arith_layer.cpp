// gru_update for a whole layer, eight neurons per pass (gru_arith.h).
//
// Why the vector forms give gru_update's bits:
// * rnd(v, s) keeps bits [s+15 : s] of v + 2^(s-1) - 1 + (bit s of v): they depend on
//   v's low s + 16 <= 24 bits only, so the 24-bit wraps before it cannot show, and
//   32-bit lanes modulo 2^32 give the same bits. Sign-extended from those 16 bits, the
//   results pack to 16-bit lanes exactly.
// * p = r ch + 2 M_cx modulo 2^24 is all rnd(p, 8) reads (as above).
// * Every LUT entry is a multiple of 16 (SPEC 4.6; tests/arith checks the tables), so
//   c (256 - u) is a multiple of 256 within +-2^16: rnd(., 8) divides it exactly.
// * u h is within [-2^23, 2^23): no wrap.
#include <array>
#include <cstddef>
#include <cstdint>

#include "peripherals/edgedrnn/gru_arith.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define EDGEDRNN_X86 1
#endif

namespace edgedrnn {

namespace {
__attribute__((noinline)) void gru_update_scalar(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch,
                                                 const uint32_t* m_cx, int16_t* h, unsigned n) {
    for (unsigned i = 0; i < n; ++i)
        h[i] = gru_update(wrap24(m_r[i]), wrap24(m_u[i]), wrap24(m_ch[i]), wrap24(m_cx[i]), h[i]);
}
}  // namespace

#ifdef EDGEDRNN_X86

// ------------------------------------------------------------------------------ SSE2
// 16-bit lanes where the values fit. The helpers are inlined into the one loop (lut_x8
// is used thrice, and a call per use costs as much as the lookup's bookkeeping).

namespace {
#define EDGEDRNN_INLINE inline __attribute__((always_inline))

// rnd(v, S) of four 32-bit lanes, sign-extended from 16 bits.
template <int S>
EDGEDRNN_INLINE __m128i round_shift_x4(__m128i v) {
    const __m128i bit_s = _mm_and_si128(_mm_srli_epi32(v, S), _mm_set1_epi32(1));
    const __m128i sum = _mm_add_epi32(_mm_add_epi32(v, _mm_set1_epi32((1 << (S - 1)) - 1)), bit_s);
    return _mm_srai_epi32(_mm_slli_epi32(sum, 16 - S), 16);
}

EDGEDRNN_INLINE __m128i load_x4(const uint32_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

// rnd(M, 7) of eight accumulators, as 16-bit lanes.
EDGEDRNN_INLINE __m128i round_shift7_x8(const uint32_t* m) {
    return _mm_packs_epi32(round_shift_x4<7>(load_x4(m)), round_shift_x4<7>(load_x4(m + 4)));
}

// table[x] for eight 16-bit lanes: SSE2 has no gather, so one extract and one insert
// (with the load folded in) per lane.
EDGEDRNN_INLINE __m128i lut_x8(const std::array<int16_t, 65536>& table, __m128i x) {
    const int16_t* t = table.data();
    __m128i y = x;
    y = _mm_insert_epi16(y, t[_mm_extract_epi16(x, 0)], 0);
    y = _mm_insert_epi16(y, t[_mm_extract_epi16(x, 1)], 1);
    y = _mm_insert_epi16(y, t[_mm_extract_epi16(x, 2)], 2);
    y = _mm_insert_epi16(y, t[_mm_extract_epi16(x, 3)], 3);
    y = _mm_insert_epi16(y, t[_mm_extract_epi16(x, 4)], 4);
    y = _mm_insert_epi16(y, t[_mm_extract_epi16(x, 5)], 5);
    y = _mm_insert_epi16(y, t[_mm_extract_epi16(x, 6)], 6);
    y = _mm_insert_epi16(y, t[_mm_extract_epi16(x, 7)], 7);
    return y;
}

EDGEDRNN_INLINE void gru_update_sse2_x8(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch,
                                        const uint32_t* m_cx, int16_t* h_io) {
    const __m128i r = lut_x8(kSigmoidTable, round_shift7_x8(m_r));
    const __m128i u = lut_x8(kSigmoidTable, round_shift7_x8(m_u));
    const __m128i ch = round_shift7_x8(m_ch);
    // p = r ch + 2 M_cx in 32-bit lanes.
    const __m128i rch_lo = _mm_mullo_epi16(r, ch), rch_hi = _mm_mulhi_epi16(r, ch);
    const __m128i cx0 = load_x4(m_cx), cx1 = load_x4(m_cx + 4);
    const __m128i p0 = _mm_add_epi32(_mm_unpacklo_epi16(rch_lo, rch_hi), _mm_add_epi32(cx0, cx0));
    const __m128i p1 = _mm_add_epi32(_mm_unpackhi_epi16(rch_lo, rch_hi), _mm_add_epi32(cx1, cx1));
    const __m128i c = lut_x8(kTanhTable, _mm_packs_epi32(round_shift_x4<8>(p0), round_shift_x4<8>(p1)));
    // a = (c / 16) (256 - u) / 16: both factors fit 16 bits.
    const __m128i a = _mm_mullo_epi16(_mm_srai_epi16(c, 4), _mm_srai_epi16(_mm_sub_epi16(_mm_set1_epi16(256), u), 4));
    // b = rnd(u h, 8) = q + (r + (q & 1) > 128), q = bits [23:8] and r = bits [7:0] of
    // u h (from the mulhi/mullo halves).
    __m128i* h = reinterpret_cast<__m128i*>(h_io);
    const __m128i h_prev = _mm_loadu_si128(h);
    const __m128i uh_lo = _mm_mullo_epi16(u, h_prev), uh_hi = _mm_mulhi_epi16(u, h_prev);
    const __m128i q = _mm_or_si128(_mm_srli_epi16(uh_lo, 8), _mm_slli_epi16(uh_hi, 8));
    const __m128i rest = _mm_and_si128(uh_lo, _mm_set1_epi16(0xFF));
    const __m128i up = _mm_cmpgt_epi16(_mm_add_epi16(rest, _mm_and_si128(q, _mm_set1_epi16(1))), _mm_set1_epi16(128));
    const __m128i b = _mm_sub_epi16(q, up);  // up is -1 where rnd rounds up
    _mm_storeu_si128(h, _mm_add_epi16(a, b));
}
}  // namespace

void gru_update_neurons_sse2(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                             int16_t* h, unsigned n) {
    std::size_t i = 0;  // (64-bit: no zero-extension of the index in the addresses)
    for (; i + 8 <= n; i += 8) gru_update_sse2_x8(m_r + i, m_u + i, m_ch + i, m_cx + i, h + i);
    if (i < n) gru_update_scalar(m_r + i, m_u + i, m_ch + i, m_cx + i, h + i, n - static_cast<unsigned>(i));
}

// ------------------------------------------------------------------------------ AVX2
// Eight neurons in 32-bit lanes (vpmulld multiplies them whole) and gathers for the
// LUTs: both are constant beyond +-1023 (SPEC 4.6's outermost break points are +-880
// and +-531), so clamped inputs index 2048-entry tables of 32-bit outputs.

namespace {
#define EDGEDRNN_AVX2_INLINE inline __attribute__((target("avx2"), always_inline))

constexpr int32_t kClampedMin = -1024, kClampedMax = 1023;
using ClampedLut = std::array<int32_t, kClampedMax - kClampedMin + 1>;

ClampedLut clamped(const std::array<int16_t, 65536>& table) {
    ClampedLut out{};
    for (int32_t x = kClampedMin; x <= kClampedMax; ++x)
        out[static_cast<std::size_t>(x - kClampedMin)] = table[static_cast<uint16_t>(x)];
    return out;
}
// Built on first use: the 64 Ki tables are initialised in another translation unit.
const int32_t* sigmoid_at_zero() {
    static const ClampedLut lut = clamped(kSigmoidTable);
    return lut.data() - kClampedMin;
}
const int32_t* tanh_at_zero() {
    static const ClampedLut lut = clamped(kTanhTable);
    return lut.data() - kClampedMin;
}

template <int S>
EDGEDRNN_AVX2_INLINE __m256i round_shift_x8(__m256i v) {
    const __m256i bit_s = _mm256_and_si256(_mm256_srli_epi32(v, S), _mm256_set1_epi32(1));
    const __m256i sum = _mm256_add_epi32(_mm256_add_epi32(v, _mm256_set1_epi32((1 << (S - 1)) - 1)), bit_s);
    return _mm256_srai_epi32(_mm256_slli_epi32(sum, 16 - S), 16);
}

EDGEDRNN_AVX2_INLINE __m256i load_x8(const uint32_t* p) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

EDGEDRNN_AVX2_INLINE __m256i lut_x8(const int32_t* at_zero, __m256i x) {
    const __m256i index = _mm256_min_epi32(_mm256_max_epi32(x, _mm256_set1_epi32(kClampedMin)),
                                           _mm256_set1_epi32(kClampedMax));
    return _mm256_i32gather_epi32(reinterpret_cast<const int*>(at_zero), index, 4);
}
}  // namespace

__attribute__((target("avx2"))) void gru_update_neurons_avx2(const uint32_t* m_r, const uint32_t* m_u,
                                                             const uint32_t* m_ch, const uint32_t* m_cx, int16_t* h,
                                                             unsigned n) {
    const int32_t* sigmoid = sigmoid_at_zero();
    const int32_t* tanh = tanh_at_zero();
    // The low 16 bits of each 32-bit lane, per 128-bit half.
    const __m256i low_halves = _mm256_setr_epi8(0, 1, 4, 5, 8, 9, 12, 13, -1, -1, -1, -1, -1, -1, -1, -1,  //
                                                0, 1, 4, 5, 8, 9, 12, 13, -1, -1, -1, -1, -1, -1, -1, -1);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256i r = lut_x8(sigmoid, round_shift_x8<7>(load_x8(m_r + i)));
        const __m256i u = lut_x8(sigmoid, round_shift_x8<7>(load_x8(m_u + i)));
        const __m256i ch = round_shift_x8<7>(load_x8(m_ch + i));
        const __m256i cx = load_x8(m_cx + i);
        const __m256i p = _mm256_add_epi32(_mm256_mullo_epi32(r, ch), _mm256_add_epi32(cx, cx));
        const __m256i c = lut_x8(tanh, round_shift_x8<8>(p));
        const __m256i a = _mm256_srai_epi32(_mm256_mullo_epi32(c, _mm256_sub_epi32(_mm256_set1_epi32(256), u)), 8);
        __m128i* h_io = reinterpret_cast<__m128i*>(h + i);
        const __m256i b = round_shift_x8<8>(_mm256_mullo_epi32(u, _mm256_cvtepi16_epi32(_mm_loadu_si128(h_io))));
        // wrap16(a + b), back to eight 16-bit lanes in order.
        const __m256i words = _mm256_shuffle_epi8(_mm256_add_epi32(a, b), low_halves);
        _mm_storeu_si128(h_io, _mm256_castsi256_si128(_mm256_permute4x64_epi64(words, 0x08)));
    }
    if (i < n) gru_update_scalar(m_r + i, m_u + i, m_ch + i, m_cx + i, h + i, n - static_cast<unsigned>(i));
}

void gru_update_neurons(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                        int16_t* h, unsigned n) {
    static const bool avx2 = __builtin_cpu_supports("avx2");
    (avx2 ? gru_update_neurons_avx2 : gru_update_neurons_sse2)(m_r, m_u, m_ch, m_cx, h, n);
}

#else  // not x86

void gru_update_neurons_sse2(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                             int16_t* h, unsigned n) {
    gru_update_scalar(m_r, m_u, m_ch, m_cx, h, n);
}
void gru_update_neurons_avx2(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                             int16_t* h, unsigned n) {
    gru_update_scalar(m_r, m_u, m_ch, m_cx, h, n);
}
void gru_update_neurons(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                        int16_t* h, unsigned n) {
    gru_update_scalar(m_r, m_u, m_ch, m_cx, h, n);
}

#endif

}  // namespace edgedrnn
