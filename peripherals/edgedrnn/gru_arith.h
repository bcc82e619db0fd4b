// The EdgeDRNN datapath's arithmetic, bit-exact to the RTL (SPEC section 4): Q formats,
// 24-bit wrap-around accumulators, the rounding primitive, the activation LUTs and the
// delta threshold test. Inline: these sit in the model's innermost loops.
#pragma once

#include <array>
#include <cstdint>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace edgedrnn {

// Reduce to N-bit two's complement (keep the low N bits, reinterpret as signed).
inline int32_t wrap24(int64_t v) {
    return static_cast<int32_t>(static_cast<uint32_t>(v) << 8) >> 8;
}
inline int16_t wrap16(int32_t v) { return static_cast<int16_t>(static_cast<uint16_t>(v)); }

// rnd(v, s) of SPEC 4.2: add 2^(s-1) when bit s is set, else 2^(s-1) - 1 (round half to
// even), wrap at 24 bits, keep bits [s+15:s] as a signed 16-bit value.
inline int16_t round_shift(int32_t v24, unsigned s) {
    const int32_t half = (v24 >> s) & 1 ? (1 << (s - 1)) : (1 << (s - 1)) - 1;
    const int32_t sum = wrap24(static_cast<int64_t>(v24) + half);
    return wrap16(sum >> s);
}

// Activation LUTs as step functions of the full 16-bit Q8.8 input (SPEC 4.6), expanded
// once into 64 Ki tables (gru_arith.cpp) so an activation is one inline load.
extern const std::array<int16_t, 65536> kSigmoidTable;
extern const std::array<int16_t, 65536> kTanhTable;
inline int16_t sigmoid_lut(int16_t x) { return kSigmoidTable[static_cast<uint16_t>(x)]; }
inline int16_t tanh_lut(int16_t x) { return kTanhTable[static_cast<uint16_t>(x)]; }

// The 10-bit signed threshold field of THX/THH: bits above 9 are ignored and a negative
// value behaves like 0 (SPEC 2).
inline int16_t threshold_from_register(uint32_t reg) {
    const int32_t field = static_cast<int32_t>(reg & 0x3FFu);
    const int32_t th = field & 0x200 ? field - 0x400 : field;
    return static_cast<int16_t>(th < 0 ? 0 : th);
}

// Pass test of SPEC 4.3: d >= th or d <= -th, and d != 0 (th already from the register).
inline bool delta_passes(int16_t delta, int16_t threshold) {
    return delta != 0 && (delta >= threshold || delta <= -threshold);
}

// delta_passes for eight items of the encoder's scan: bit i is set when
// wrap16(x[i] - ref[i]) passes `threshold` (0 to 511, as threshold_from_register gives).
inline unsigned passing_deltas_x8(const int16_t* x, const int16_t* ref, int16_t threshold) {
#ifdef __SSE2__
    const __m128i d = _mm_sub_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x)),
                                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(ref)));
    // d >= th is d > th - 1, and d <= -th is 1 - th > d (no overflow for th in [0, 511]).
    const __m128i at_least = _mm_cmpgt_epi16(d, _mm_set1_epi16(static_cast<int16_t>(threshold - 1)));
    const __m128i at_most = _mm_cmpgt_epi16(_mm_set1_epi16(static_cast<int16_t>(1 - threshold)), d);
    const __m128i pass = _mm_andnot_si128(_mm_cmpeq_epi16(d, _mm_setzero_si128()), _mm_or_si128(at_least, at_most));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_packs_epi16(pass, pass))) & 0xFFu;
#else
    unsigned mask = 0;
    for (unsigned i = 0; i < 8; ++i) mask |= unsigned{delta_passes(wrap16(x[i] - ref[i]), threshold)} << i;
    return mask;
#endif
}

// One neuron's activation and state update (SPEC 4.5) from its four accumulators.
inline int16_t gru_update(int32_t m_r, int32_t m_u, int32_t m_ch, int32_t m_cx,
                          int16_t h_prev) {
    const int32_t r = sigmoid_lut(round_shift(m_r, 7));
    const int32_t u = sigmoid_lut(round_shift(m_u, 7));
    const int32_t ch = round_shift(m_ch, 7);
    const int32_t p = wrap24(static_cast<int64_t>(wrap24(static_cast<int64_t>(r) * ch)) +
                             wrap24(2 * static_cast<int64_t>(m_cx)));
    const int32_t c = tanh_lut(round_shift(p, 8));
    const int32_t a = round_shift(wrap24(static_cast<int64_t>(c) * (256 - u)), 8);
    const int32_t b = round_shift(wrap24(static_cast<int64_t>(u) * h_prev), 8);
    return wrap16(a + b);
}

// gru_update for neurons [0, n) of a layer, h updated in place: h[i] becomes
// gru_update(wrap24(m_r[i]), wrap24(m_u[i]), wrap24(m_ch[i]), wrap24(m_cx[i]), h[i]).
// The accumulators are the datapath's, modulo 2^32. Eight neurons per pass, AVX2 where
// the host has it, else SSE2 (gru_arith_layer.cpp says why they give the same bits).
void gru_update_neurons(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                        int16_t* h, unsigned n);
// The two forms (tests compare both with gru_update); the AVX2 one on AVX2 hosts only.
void gru_update_neurons_sse2(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                             int16_t* h, unsigned n);
void gru_update_neurons_avx2(const uint32_t* m_r, const uint32_t* m_u, const uint32_t* m_ch, const uint32_t* m_cx,
                             int16_t* h, unsigned n);

}  // namespace edgedrnn
