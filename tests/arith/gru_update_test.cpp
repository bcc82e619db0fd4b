// SPEC 4.5: the per-neuron state update of both implementations agrees, including
// accumulators and hidden states that force wrap-around.
#include <gtest/gtest.h>

#include <cstdint>

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

}  // namespace
