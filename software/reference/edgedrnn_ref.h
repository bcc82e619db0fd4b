/* Reference model of the EdgeDRNN arithmetic (SPEC section 4), written in plain C99
 * independently of the SystemC model, so tests can compare the two and the CPU can
 * self-check on the board later. Freestanding: no heap, no stdio; the caller provides
 * the state memory. Bit-exact: 24-bit wrap-around accumulators, the rnd() primitive,
 * the LUT step functions, 10-bit signed thresholds, bias as a virtual input. */
#ifndef EDGEDRNN_REF_H
#define EDGEDRNN_REF_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EDGEDRNN_REF_MAX_LAYERS 4

typedef struct {
    unsigned num_layers;                       /* 1..4 */
    unsigned input_size;                       /* I of layer 1, multiple of 8 */
    unsigned hidden[EDGEDRNN_REF_MAX_LAYERS];  /* H_l, multiples of 8, 16..1024 */
    const int8_t *weights;                     /* column-major image (SPEC 3.1), Q1.7 */
    uint32_t weight_bytes;                     /* size of the image */
    uint32_t thx_reg, thh_reg;                 /* raw THX/THH register values */
} edgedrnn_ref_config;

/* Per-step counts, for sparsity and traffic checks. */
typedef struct {
    uint32_t columns;                          /* columns fetched, bias included */
    uint32_t bias_columns;                     /* of which bias columns */
    uint32_t dx[EDGEDRNN_REF_MAX_LAYERS];      /* passing input deltas per layer */
    uint32_t dh[EDGEDRNN_REF_MAX_LAYERS];      /* passing hidden deltas per layer */
} edgedrnn_ref_step_stats;

typedef struct {
    edgedrnn_ref_config cfg;
    /* Per layer: x_hat[I_l], h_hat[H_l], h[H_l] (int16) and M_r, M_u, M_cx, M_ch [H_l]
     * (int32 holding 24-bit values); all carved out of the caller's state memory. */
    int16_t *x_hat[EDGEDRNN_REF_MAX_LAYERS];
    int16_t *h_hat[EDGEDRNN_REF_MAX_LAYERS];
    int16_t *h[EDGEDRNN_REF_MAX_LAYERS];
    int32_t *acc[EDGEDRNN_REF_MAX_LAYERS];     /* 4*H_l: r, u, cx, ch */
    int bias_pending[EDGEDRNN_REF_MAX_LAYERS];
} edgedrnn_ref;

/* Arithmetic primitives (SPEC 4.2, 4.3, 4.6). */
int16_t edgedrnn_ref_rnd(int32_t v24, unsigned s);
int16_t edgedrnn_ref_sigmoid(int16_t x);
int16_t edgedrnn_ref_tanh(int16_t x);
/* 1 when delta passes the threshold given as the raw register value. */
int edgedrnn_ref_delta_passes(int16_t delta, uint32_t th_reg);
/* One neuron's activation and state update (SPEC 4.5) from its four 24-bit
 * accumulators and its previous hidden state; returns the new h (Q8.8). */
int16_t edgedrnn_ref_gru_update(int32_t m_r, int32_t m_u, int32_t m_cx, int32_t m_ch,
                                int16_t h_prev);

/* Bytes of state memory edgedrnn_ref_init needs (8-byte aligned memory). */
size_t edgedrnn_ref_state_bytes(const edgedrnn_ref_config *cfg);
/* Returns 0, or -1 when the configuration is outside SPEC 6's limits or the weight
 * image is too small for the columns it addresses. State starts at zero (FPGA
 * configuration) with the bias pending. */
int edgedrnn_ref_init(edgedrnn_ref *ref, const edgedrnn_ref_config *cfg, void *state,
                      size_t state_bytes);
/* rst_n: re-arms the bias of every layer, keeps all state (SPEC 4.8). */
void edgedrnn_ref_reset(edgedrnn_ref *ref);
/* One time step: x has input_size elements; h_out receives H_L elements. stats may be
 * NULL. */
void edgedrnn_ref_step(edgedrnn_ref *ref, const int16_t *x, int16_t *h_out,
                       edgedrnn_ref_step_stats *stats);

#ifdef __cplusplus
}
#endif

#endif
