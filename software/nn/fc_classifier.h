/* The dense classifier the CPU runs on the last layer's hidden vector (SPEC 4.7).
 * Plain C99, no heap, no stdio, so the board application can use it unchanged. */
#ifndef FC_CLASSIFIER_H
#define FC_CLASSIFIER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Raw output o as the driver computes it: sum_i h[i] * cl_weight[i * n_out + o]
 * + 256 * cl_bias[o], a 32-bit (wrap-around) Q.15 value. h is Q8.8, the weights and
 * the bias Q1.7; the bias is scaled by 256 to line up with the Q.15 products. */
int32_t fc_classifier_raw(const int16_t *h, unsigned n_in, const int8_t *cl_weight,
                          const int8_t *cl_bias, unsigned n_out, unsigned o);

/* The raw Q.15 value as Q8.8, the form of the exported gold_fc:
 * round_half_even(acc / 128), saturated to int16 (the exporter quantises to Q8.8). */
int16_t fc_classifier_q88(int32_t acc);

#ifdef __cplusplus
}
#endif

#endif
