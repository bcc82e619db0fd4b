// The two independent implementations of SPEC 4 behind one interface, so every
// primitive test runs against both: the C reference model (software/reference) and the
// SystemC model's datapath arithmetic (peripherals/edgedrnn/gru_arith.h).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "peripherals/edgedrnn/gru_arith.h"
#include "software/reference/edgedrnn_ref.h"

namespace arith_test {

struct ArithImpl {
    std::string name;
    int16_t (*rnd)(int32_t v24, unsigned s);
    int16_t (*sigmoid)(int16_t x);
    int16_t (*tanh)(int16_t x);
    bool (*delta_passes)(int16_t delta, uint32_t th_reg);  // threshold as register value
    int16_t (*gru_update)(int32_t m_r, int32_t m_u, int32_t m_cx, int32_t m_ch,
                          int16_t h_prev);
};

inline ArithImpl reference_impl() {
    return {"reference_c",
            edgedrnn_ref_rnd,
            edgedrnn_ref_sigmoid,
            edgedrnn_ref_tanh,
            [](int16_t d, uint32_t reg) { return edgedrnn_ref_delta_passes(d, reg) != 0; },
            edgedrnn_ref_gru_update};
}

inline ArithImpl model_impl() {
    return {"systemc_model",
            edgedrnn::round_shift,
            edgedrnn::sigmoid_lut,
            edgedrnn::tanh_lut,
            [](int16_t d, uint32_t reg) {
                return edgedrnn::delta_passes(d, edgedrnn::threshold_from_register(reg));
            },
            // gru_arith takes the candidate accumulators in the order (ch, cx).
            [](int32_t m_r, int32_t m_u, int32_t m_cx, int32_t m_ch, int16_t h_prev) {
                return edgedrnn::gru_update(m_r, m_u, m_ch, m_cx, h_prev);
            }};
}

inline std::ostream& operator<<(std::ostream& os, const ArithImpl& impl) {
    return os << impl.name;
}

inline std::string impl_name(const ::testing::TestParamInfo<ArithImpl>& info) {
    return info.param.name;
}

}  // namespace arith_test

// Runs a value-parameterised suite against both implementations.
#define ARITH_INSTANTIATE_FOR_BOTH(suite)                                              \
    INSTANTIATE_TEST_SUITE_P(BothImplementations, suite,                               \
                             ::testing::Values(arith_test::reference_impl(),           \
                                               arith_test::model_impl()),              \
                             arith_test::impl_name)
