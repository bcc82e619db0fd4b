// SPEC 4.5: the per-neuron state update of both implementations agrees, including
// accumulators and hidden states that force wrap-around.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "peripherals/edgedrnn/gru_arith.h"
#include "peripherals/edgedrnn/mac_kernel.h"  // host_has_avx2
#include "tests/arith/implementations.h"

namespace {

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int32_t random_24bit(uint64_t& state) {
    return static_cast<int32_t>(static_cast<uint32_t>(splitmix64(state)) << 8) >> 8;
}

TEST(GruUpdate, ReferenceAndModelAgreeOnRandomFullRangeState) {
    const auto ref = arith_test::reference_impl(), model = arith_test::model_impl();
    uint64_t rng = 42;
    int mismatches = 0;
    for (int n = 0; n < 2000000; ++n) {
        // Alternate full-range and small accumulators so both saturated and linear
        // regions of the LUTs are exercised.
        const int32_t scale_shift = (n & 1) ? 0 : 12;
        const int32_t m_r = random_24bit(rng) >> scale_shift;
        const int32_t m_u = random_24bit(rng) >> scale_shift;
        const int32_t m_cx = random_24bit(rng) >> scale_shift;
        const int32_t m_ch = random_24bit(rng) >> scale_shift;
        const auto h_prev = static_cast<int16_t>(splitmix64(rng));
        const int16_t a = ref.gru_update(m_r, m_u, m_cx, m_ch, h_prev);
        const int16_t b = model.gru_update(m_r, m_u, m_cx, m_ch, h_prev);
        if (a != b && ++mismatches <= 5)
            ADD_FAILURE() << "m_r=" << m_r << " m_u=" << m_u << " m_cx=" << m_cx
                          << " m_ch=" << m_ch << " h_prev=" << h_prev << ": " << a
                          << " vs " << b;
    }
    EXPECT_EQ(mismatches, 0);
}

// Hand-computed: all accumulators 0 gives r = u = SIG(0) = 128, ch = 0, c = TANH(0) = 0,
// a = 0, b = rnd(128 * h_prev, 8) = h_prev / 2 rounded half to even.
TEST(GruUpdate, ZeroAccumulatorsHalveThePreviousState) {
    for (const auto& impl : {arith_test::reference_impl(), arith_test::model_impl()}) {
        EXPECT_EQ(impl.gru_update(0, 0, 0, 0, 0), 0) << impl.name;
        EXPECT_EQ(impl.gru_update(0, 0, 0, 0, 256), 128) << impl.name;
        EXPECT_EQ(impl.gru_update(0, 0, 0, 0, 3), 2) << impl.name;    // 1.5 -> 2
        EXPECT_EQ(impl.gru_update(0, 0, 0, 0, 5), 2) << impl.name;    // 2.5 -> 2
        EXPECT_EQ(impl.gru_update(0, 0, 0, 0, -3), -2) << impl.name;  // -1.5 -> -2
    }
}

// The layer-wide (vectorised) update against gru_update neuron by neuron: raw 32-bit
// accumulators (the datapath's, modulo 2^32) of every scale, values on the rounding
// ties, extreme hidden states, and lengths that leave a scalar tail.
uint32_t random_accumulator(uint64_t& state) {
    const uint64_t x = splitmix64(state);
    switch (x & 7) {
        case 0: return static_cast<uint32_t>(x >> 32);                                    // full 32 bits
        case 1: return static_cast<uint32_t>(static_cast<int32_t>(x >> 32) >> 18);       // small
        case 2: return static_cast<uint32_t>((x >> 32) & ~0x7Fu) | 0x40u;                // rnd(., 7) tie
        case 3: return static_cast<uint32_t>(static_cast<int32_t>(x >> 32) >> 9);        // about 2^23
        case 4: {
            const uint32_t extremes[] = {0u,          0x7FFFFFu,   0x800000u,   0xFFFFFFu,
                                         0xFFFFFFFFu, 0x80000000u, 0x7FFFFFFFu, 0x3FFFC0u};
            return extremes[(x >> 32) % 8];
        }
        default: return static_cast<uint32_t>(static_cast<int32_t>(x >> 32) >> 12);     // LUT slopes
    }
}

using LayerUpdate = void (*)(const uint32_t*, const uint32_t*, const uint32_t*, const uint32_t*, int16_t*, unsigned);

void expect_layer_update_matches_gru_update(LayerUpdate update, const char* name) {
    uint64_t rng = 7;
    int mismatches = 0;
    for (unsigned n : {0u, 1u, 7u, 8u, 9u, 15u, 16u, 17u, 31u, 768u, 1024u}) {
        for (int rep = 0; rep < (n < 100 ? 2000 : 400); ++rep) {
            std::vector<uint32_t> acc(4 * n);
            for (uint32_t& a : acc) a = random_accumulator(rng);
            std::vector<int16_t> h(n), want(n);
            for (unsigned i = 0; i < n; ++i) {
                const uint64_t x = splitmix64(rng);
                h[i] = (x & 3) == 0 ? static_cast<int16_t>((x & 4) ? INT16_MIN : INT16_MAX)
                                    : static_cast<int16_t>(x >> 16);
                want[i] = edgedrnn::gru_update(edgedrnn::wrap24(acc[i]), edgedrnn::wrap24(acc[n + i]),
                                               edgedrnn::wrap24(acc[2 * n + i]), edgedrnn::wrap24(acc[3 * n + i]),
                                               h[i]);
            }
            const std::vector<int16_t> h_prev = h;
            update(acc.data(), acc.data() + n, acc.data() + 2 * n, acc.data() + 3 * n, h.data(), n);
            for (unsigned i = 0; i < n; ++i)
                if (h[i] != want[i] && ++mismatches <= 5)
                    ADD_FAILURE() << name << ": n=" << n << " neuron " << i << ": m_r=" << acc[i]
                                  << " m_u=" << acc[n + i]
                                  << " m_ch=" << acc[2 * n + i] << " m_cx=" << acc[3 * n + i]
                                  << " h_prev=" << h_prev[i] << ": " << h[i] << " instead of " << want[i];
        }
    }
    EXPECT_EQ(mismatches, 0) << name;
}

TEST(GruUpdate, Sse2LayerUpdateMatchesTheNeuronUpdate) {
    expect_layer_update_matches_gru_update(&edgedrnn::gru_update_neurons_sse2, "sse2");
}

TEST(GruUpdate, Avx2LayerUpdateMatchesTheNeuronUpdate) {
    if (!edgedrnn::host_has_avx2()) GTEST_SKIP() << "the host has no AVX2";
    expect_layer_update_matches_gru_update(&edgedrnn::gru_update_neurons_avx2, "avx2");
}

TEST(GruUpdate, DispatchedLayerUpdateMatchesTheNeuronUpdate) {
    expect_layer_update_matches_gru_update(&edgedrnn::gru_update_neurons, "dispatched");
}

// The vectorised updates rely on these (gru_arith_layer.cpp): c (256 - u) is then a
// multiple of 256, and the AVX2 form clamps the LUT inputs to [-1024, 1023].
TEST(GruUpdate, LutsAreConstantBeyond1023) {
    for (int x = 1023; x <= INT16_MAX; ++x) {
        ASSERT_EQ(edgedrnn::sigmoid_lut(static_cast<int16_t>(x)), edgedrnn::sigmoid_lut(1023)) << x;
        ASSERT_EQ(edgedrnn::tanh_lut(static_cast<int16_t>(x)), edgedrnn::tanh_lut(1023)) << x;
    }
    for (int x = INT16_MIN; x <= -1024; ++x) {
        ASSERT_EQ(edgedrnn::sigmoid_lut(static_cast<int16_t>(x)), edgedrnn::sigmoid_lut(-1024)) << x;
        ASSERT_EQ(edgedrnn::tanh_lut(static_cast<int16_t>(x)), edgedrnn::tanh_lut(-1024)) << x;
    }
}

TEST(GruUpdate, EveryLutEntryIsAMultipleOf16WithinOne) {
    for (unsigned x = 0; x < 65536; ++x) {
        for (int16_t y : {edgedrnn::kSigmoidTable[x], edgedrnn::kTanhTable[x]}) {
            ASSERT_EQ(y % 16, 0) << "input " << static_cast<int16_t>(x);
            ASSERT_LE(y, 256);
            ASSERT_GE(y, -256);
        }
        ASSERT_GE(edgedrnn::kSigmoidTable[x], 0);
    }
}

}  // namespace
