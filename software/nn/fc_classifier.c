#include "software/nn/fc_classifier.h"

#define Q15_TO_Q88_DIVISOR 128
#define BIAS_Q17_TO_Q15_SCALE 256

/* Sums in uint32_t: the driver's int32 accumulator wraps, and signed overflow would be
 * undefined behaviour in C. */
int32_t fc_classifier_raw(const int16_t *h, unsigned n_in, const int8_t *cl_weight,
                          const int8_t *cl_bias, unsigned n_out, unsigned o) {
    uint32_t acc = (uint32_t)((int32_t)cl_bias[o] * BIAS_Q17_TO_Q15_SCALE);
    unsigned i;
    for (i = 0; i < n_in; ++i) acc += (uint32_t)((int32_t)h[i] * cl_weight[i * n_out + o]);
    return (acc & 0x80000000u) ? -(int32_t)(~acc) - 1 : (int32_t)acc;
}

int16_t fc_classifier_q88(int32_t acc) {
    /* Floor division first (C division truncates toward zero), then round the
     * remainder half to even. */
    int64_t quotient = (int64_t)acc / Q15_TO_Q88_DIVISOR;
    int64_t remainder = (int64_t)acc % Q15_TO_Q88_DIVISOR;
    const int64_t half = Q15_TO_Q88_DIVISOR / 2;
    if (remainder < 0) {
        remainder += Q15_TO_Q88_DIVISOR;
        --quotient;
    }
    if (remainder > half || (remainder == half && (quotient & 1) != 0)) ++quotient;
    if (quotient > INT16_MAX) return INT16_MAX;
    if (quotient < INT16_MIN) return INT16_MIN;
    return (int16_t)quotient;
}
