#include "peripherals/edgedrnn/gru_arith.h"

#include <array>
#include <cstddef>

#if defined(__x86_64__) || defined(__i386__)
#include <emmintrin.h>
#define EDGEDRNN_X86 1
#endif

namespace edgedrnn {
namespace {

// Break points (X0 -> y): output y for every X >= X0 up to the next X0 (SPEC 4.6).
struct BreakPoint {
    int16_t x0;
    int16_t y;
};

constexpr std::array<BreakPoint, 17> kSigmoid{{
    {-32768, 0}, {-879, 16}, {-580, 32}, {-431, 48}, {-325, 64}, {-240, 80},
    {-165, 96}, {-97, 112}, {-32, 128}, {33, 144}, {98, 160}, {166, 176},
    {241, 192}, {326, 208}, {432, 224}, {581, 240}, {880, 256}}};

constexpr std::array<BreakPoint, 33> kTanh{{
    {-32768, -256}, {-530, -240}, {-385, -224}, {-315, -208}, {-268, -192},
    {-231, -176}, {-201, -160}, {-174, -144}, {-151, -128}, {-130, -112},
    {-110, -96}, {-91, -80}, {-73, -64}, {-56, -48}, {-40, -32}, {-24, -16},
    {-8, 0}, {9, 16}, {25, 32}, {41, 48}, {57, 64}, {74, 80}, {92, 96},
    {111, 112}, {131, 128}, {152, 144}, {175, 160}, {202, 176}, {232, 192},
    {269, 208}, {316, 224}, {386, 240}, {531, 256}}};

// The LUT is a pure function of 16 bits: expand the break points once into a 64 Ki
// table so the datapath does one load per activation (gru_arith.h).
template <std::size_t N>
std::array<int16_t, 65536> expand(const std::array<BreakPoint, N>& points) {
    std::array<int16_t, 65536> table{};
    std::size_t k = 0;
    for (int32_t x = -32768; x <= 32767; ++x) {
        while (k + 1 < N && x >= points[k + 1].x0) ++k;
        table[static_cast<uint16_t>(x)] = points[k].y;
    }
    return table;
}

}  // namespace

const std::array<int16_t, 65536> kSigmoidTable = expand(kSigmoid);
const std::array<int16_t, 65536> kTanhTable = expand(kTanh);

namespace {

__attribute__((noinline)) void gru_update_scalar(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                       int16_t* h, unsigned n) {
    for (unsigned i = 0; i < n; ++i)
        h[i] = gru_update(wrap24(m_r[i]), wrap24(m_u[i]), wrap24(m_ch[i]), wrap24(m_cx[i]), h[i]);
}

#ifdef EDGEDRNN_X86
// Why the vector form gives gru_update's bits:
// * rnd(v, s) keeps bits [s+15 : s] of v + 2^(s-1) - 1 + (bit s of v): they depend on
//   v's low s + 16 <= 24 bits only, so the 24-bit wraps before it cannot show, and
//   32-bit lanes modulo 2^32 give the same bits. Sign-extended from those 16 bits, the
//   results pack to 16-bit lanes exactly.
// * p = r ch + 2 M_cx modulo 2^24 is all rnd(p, 8) reads (as above).
// * Every LUT entry is a multiple of 16 (SPEC 4.6; tests/arith checks the tables), so
//   c (256 - u) is a multiple of 256 within +-2^16: rnd(., 8) divides it exactly,
//   a = (c / 16) (256 - u) / 16, and the factors fit 16-bit lanes.
// * u h is within [-2^23, 2^23): no wrap; rnd(u h, 8) is q + (r + (q & 1) > 128) with
//   q = bits [23:8] and r = bits [7:0] of the product (mulhi/mullo halves).

// The helpers are inlined into the one loop (lut_x8 is used thrice, and a call per use
// costs as much as the lookup's bookkeeping).
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

EDGEDRNN_INLINE void gru_update_x8(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                   int16_t* h_io) {
    const __m128i r = lut_x8(kSigmoidTable, round_shift7_x8(m_r));
    const __m128i u = lut_x8(kSigmoidTable, round_shift7_x8(m_u));
    const __m128i ch = round_shift7_x8(m_ch);
    // p = r ch + 2 M_cx in 32-bit lanes.
    const __m128i rch_lo = _mm_mullo_epi16(r, ch), rch_hi = _mm_mulhi_epi16(r, ch);
    const __m128i cx0 = load_x4(m_cx), cx1 = load_x4(m_cx + 4);
    const __m128i p0 = _mm_add_epi32(_mm_unpacklo_epi16(rch_lo, rch_hi), _mm_add_epi32(cx0, cx0));
    const __m128i p1 = _mm_add_epi32(_mm_unpackhi_epi16(rch_lo, rch_hi), _mm_add_epi32(cx1, cx1));
    const __m128i c = lut_x8(kTanhTable, _mm_packs_epi32(round_shift_x4<8>(p0), round_shift_x4<8>(p1)));
    const __m128i a = _mm_mullo_epi16(_mm_srai_epi16(c, 4), _mm_srai_epi16(_mm_sub_epi16(_mm_set1_epi16(256), u), 4));
    __m128i* h = reinterpret_cast<__m128i*>(h_io);
    const __m128i h_prev = _mm_loadu_si128(h);
    const __m128i uh_lo = _mm_mullo_epi16(u, h_prev), uh_hi = _mm_mulhi_epi16(u, h_prev);
    const __m128i q = _mm_or_si128(_mm_srli_epi16(uh_lo, 8), _mm_slli_epi16(uh_hi, 8));
    const __m128i rest = _mm_and_si128(uh_lo, _mm_set1_epi16(0xFF));
    const __m128i up = _mm_cmpgt_epi16(_mm_add_epi16(rest, _mm_and_si128(q, _mm_set1_epi16(1))), _mm_set1_epi16(128));
    const __m128i b = _mm_sub_epi16(q, up);  // up is -1 where rnd rounds up
    _mm_storeu_si128(h, _mm_add_epi16(a, b));
}
#endif

}  // namespace

void gru_update_neurons(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                        int16_t* h, unsigned n) {
    std::size_t i = 0;  // (64-bit: no zero-extension of the index in the addresses)
#ifdef EDGEDRNN_X86
    for (; i + 8 <= n; i += 8) gru_update_x8(m_r + i, m_u + i, m_ch + i, m_cx + i, h + i);
#endif
    if (i < n) gru_update_scalar(m_r + i, m_u + i, m_ch + i, m_cx + i, h + i, n - static_cast<unsigned>(i));
}

}  // namespace edgedrnn
