/* Reference model of the EdgeDRNN arithmetic, written from SPEC sections 3, 4 and 6 only
 * (deliberately not from the SystemC model's gru_arith.h, so the two can check each
 * other). All wrap-arounds are done with unsigned masks: C99 leaves signed overflow
 * undefined and the conversion of out-of-range values to signed types
 * implementation-defined, and this file must behave the same on the board's compiler. */
#include "software/reference/edgedrnn_ref.h"

#define PE_LANES 8u             /* NUM_PE: sizes are multiples of the 8 lanes */
#define MIN_HIDDEN 16u          /* H = 8 has an accumulator RAW hazard (SPEC 6) */
#define MAX_SIZE 1024u          /* RAM row counters wrap beyond this (SPEC 6) */
#define MAX_COLUMNS 65535u      /* column index is 16 bits (SPEC 6) */
#define BIAS_DELTA_Q88 256      /* the bias is a virtual input of value 1.0 (SPEC 4.3) */
#define STATE_ALIGN_BYTES 8u

/* ---- wrap-around helpers (SPEC notation wrapN) ----------------------------------- */

static int32_t wrap24(int64_t v) {
    const uint32_t low = (uint32_t)((uint64_t)v & 0xFFFFFFu);
    return (low & 0x800000u) ? (int32_t)low - 0x1000000 : (int32_t)low;
}

/* wrap24 of a sum that fits in 32 bits (an accumulator plus one int8 x int16 product):
 * the same bits, in 32-bit arithmetic so the compiler can vectorise the column loop. */
static int32_t wrap24_i32(int32_t v) {
    return (int32_t)((uint32_t)v << 8) >> 8;
}

static int16_t wrap16(int64_t v) {
    const uint32_t low = (uint32_t)((uint64_t)v & 0xFFFFu);
    return (int16_t)((low & 0x8000u) ? (int32_t)low - 0x10000 : (int32_t)low);
}

/* ---- arithmetic primitives -------------------------------------------------------- */

int16_t edgedrnn_ref_rnd(int32_t v24, unsigned s) {
    const int32_t v = wrap24(v24);
    const uint32_t bit_s = ((uint32_t)v >> s) & 1u; /* parity of the truncated quotient */
    const int32_t add = (int32_t)(1u << (s - 1u)) - (bit_s ? 0 : 1);
    const uint32_t sum = (uint32_t)wrap24((int64_t)v + add);
    /* Bits [s+15:s]: the shift of the unsigned pattern is exact for these 16 bits. */
    return wrap16((int64_t)(sum >> s));
}

/* A LUT is a step function: output y holds from break point x0 up to the next one. */
typedef struct {
    int16_t x0;
    int16_t y;
} lut_step;

static const lut_step sigmoid_steps[] = {
    {-32768, 0}, {-879, 16}, {-580, 32}, {-431, 48}, {-325, 64}, {-240, 80},
    {-165, 96},  {-97, 112}, {-32, 128}, {33, 144},  {98, 160},  {166, 176},
    {241, 192},  {326, 208}, {432, 224}, {581, 240}, {880, 256}};

static const lut_step tanh_steps[] = {
    {-32768, -256}, {-530, -240}, {-385, -224}, {-315, -208}, {-268, -192},
    {-231, -176},   {-201, -160}, {-174, -144}, {-151, -128}, {-130, -112},
    {-110, -96},    {-91, -80},   {-73, -64},   {-56, -48},   {-40, -32},
    {-24, -16},     {-8, 0},      {9, 16},      {25, 32},     {41, 48},
    {57, 64},       {74, 80},     {92, 96},     {111, 112},   {131, 128},
    {152, 144},     {175, 160},   {202, 176},   {232, 192},   {269, 208},
    {316, 224},     {386, 240},   {531, 256}};

/* The last step whose break point is <= x (steps[0].x0 is the minimum): a binary
 * search, as the gold of a long synthetic run calls this twice per neuron and step. */
static int16_t lut_lookup(const lut_step *steps, unsigned count, int16_t x) {
    unsigned lo = 0, hi = count; /* invariant: steps[lo].x0 <= x, and x < steps[hi].x0 if hi < count */
    while (hi - lo > 1u) {
        const unsigned mid = lo + (hi - lo) / 2u;
        if (steps[mid].x0 <= x) lo = mid;
        else hi = mid;
    }
    return steps[lo].y;
}

int16_t edgedrnn_ref_sigmoid(int16_t x) {
    return lut_lookup(sigmoid_steps, sizeof sigmoid_steps / sizeof sigmoid_steps[0], x);
}

int16_t edgedrnn_ref_tanh(int16_t x) {
    return lut_lookup(tanh_steps, sizeof tanh_steps / sizeof tanh_steps[0], x);
}

/* THX/THH hold a 10-bit two's complement field; a negative threshold acts as 0. */
static int32_t threshold_q88(uint32_t th_reg) {
    const uint32_t field = th_reg & 0x3FFu;
    return (field & 0x200u) ? 0 : (int32_t)field;
}

int edgedrnn_ref_delta_passes(int16_t delta, uint32_t th_reg) {
    const int32_t th = threshold_q88(th_reg);
    return delta != 0 && (delta >= th || delta <= -th);
}

int16_t edgedrnn_ref_gru_update(int32_t m_r, int32_t m_u, int32_t m_cx, int32_t m_ch,
                                int16_t h_prev) {
    const int32_t r = edgedrnn_ref_sigmoid(edgedrnn_ref_rnd(m_r, 7));
    const int32_t u = edgedrnn_ref_sigmoid(edgedrnn_ref_rnd(m_u, 7));
    const int32_t ch = edgedrnn_ref_rnd(m_ch, 7);
    /* 2*M_cx moves the Q9.15 candidate input sum to the 16 fraction bits of r*ch. */
    const int32_t p = wrap24((int64_t)wrap24((int64_t)r * ch) + wrap24(2 * (int64_t)m_cx));
    const int32_t c = edgedrnn_ref_tanh(edgedrnn_ref_rnd(p, 8));
    const int32_t a = edgedrnn_ref_rnd(wrap24((int64_t)c * (256 - u)), 8);
    const int32_t b = edgedrnn_ref_rnd(wrap24((int64_t)u * h_prev), 8);
    return wrap16((int64_t)a + b);
}

/* ---- network geometry (SPEC 3.1) -------------------------------------------------- */

static unsigned layer_input_size(const edgedrnn_ref_config *cfg, unsigned l) {
    return l == 0 ? cfg->input_size : cfg->hidden[l - 1];
}

/* Global index of layer l's bias column: C_l = sum over k < l of (I_k + H_k + 1). */
static uint32_t layer_first_column(const edgedrnn_ref_config *cfg, unsigned l) {
    uint32_t c = 0;
    unsigned k;
    for (k = 0; k < l; ++k) c += layer_input_size(cfg, k) + cfg->hidden[k] + 1u;
    return c;
}

/* The hardware addresses every column of layer l with stride 3*H_l from the base,
 * with a 16-bit column index. */
static uint32_t column_byte_offset(uint32_t column_index, unsigned hidden) {
    return (uint32_t)(uint16_t)column_index * 3u * hidden;
}

static int size_is_valid(unsigned size, unsigned min_size) {
    return size % PE_LANES == 0 && size >= min_size && size <= MAX_SIZE;
}

static int config_is_valid(const edgedrnn_ref_config *cfg) {
    unsigned l;
    if (cfg->num_layers < 1 || cfg->num_layers > EDGEDRNN_REF_MAX_LAYERS) return 0;
    if (!size_is_valid(cfg->input_size, PE_LANES) || cfg->weights == NULL) return 0;
    for (l = 0; l < cfg->num_layers; ++l) {
        if (!size_is_valid(cfg->hidden[l], MIN_HIDDEN)) return 0;
        /* Smaller later layers would overlap earlier layers' columns (SPEC 3.1). */
        if (l > 0 && cfg->hidden[l] < cfg->hidden[l - 1]) return 0;
    }
    return layer_first_column(cfg, cfg->num_layers) <= MAX_COLUMNS;
}

/* The highest column of each layer must lie inside the image. */
static int image_is_large_enough(const edgedrnn_ref_config *cfg) {
    unsigned l;
    for (l = 0; l < cfg->num_layers; ++l) {
        const uint32_t next = layer_first_column(cfg, l + 1u);
        const uint64_t end_bytes = (uint64_t)next * 3u * cfg->hidden[l];
        if (end_bytes > cfg->weight_bytes) return 0;
    }
    return 1;
}

/* ---- state memory ----------------------------------------------------------------- */

static size_t align_up(size_t bytes) {
    return (bytes + STATE_ALIGN_BYTES - 1u) / STATE_ALIGN_BYTES * STATE_ALIGN_BYTES;
}

static size_t layer_state_bytes(unsigned inputs, unsigned hidden) {
    return align_up(4u * hidden * sizeof(int32_t)) +
           align_up((inputs + 2u * hidden) * sizeof(int16_t));
}

size_t edgedrnn_ref_state_bytes(const edgedrnn_ref_config *cfg) {
    size_t total = 0;
    unsigned l;
    for (l = 0; l < cfg->num_layers && l < EDGEDRNN_REF_MAX_LAYERS; ++l)
        total += layer_state_bytes(layer_input_size(cfg, l), cfg->hidden[l]);
    return total;
}

/* Carves one layer's arrays out of mem and zeroes them; returns the next free byte. */
static unsigned char *assign_layer_state(edgedrnn_ref *ref, unsigned l, unsigned char *mem) {
    const unsigned inputs = layer_input_size(&ref->cfg, l);
    const unsigned hidden = ref->cfg.hidden[l];
    const size_t bytes = layer_state_bytes(inputs, hidden);
    size_t i;
    for (i = 0; i < bytes; ++i) mem[i] = 0;
    ref->acc[l] = (int32_t *)(void *)mem;
    ref->x_hat[l] = (int16_t *)(void *)(mem + align_up(4u * hidden * sizeof(int32_t)));
    ref->h_hat[l] = ref->x_hat[l] + inputs;
    ref->h[l] = ref->h_hat[l] + hidden;
    return mem + bytes;
}

int edgedrnn_ref_init(edgedrnn_ref *ref, const edgedrnn_ref_config *cfg, void *state,
                      size_t state_bytes) {
    unsigned char *mem = (unsigned char *)state;
    unsigned l;
    if (ref == NULL || cfg == NULL || state == NULL) return -1;
    if (!config_is_valid(cfg) || !image_is_large_enough(cfg)) return -1;
    if ((uintptr_t)state % STATE_ALIGN_BYTES != 0 || state_bytes < edgedrnn_ref_state_bytes(cfg))
        return -1;
    ref->cfg = *cfg;
    for (l = 0; l < EDGEDRNN_REF_MAX_LAYERS; ++l) {
        ref->x_hat[l] = ref->h_hat[l] = ref->h[l] = NULL;
        ref->acc[l] = NULL;
        ref->bias_pending[l] = 0;
    }
    for (l = 0; l < cfg->num_layers; ++l) mem = assign_layer_state(ref, l, mem);
    edgedrnn_ref_reset(ref);
    return 0;
}

void edgedrnn_ref_reset(edgedrnn_ref *ref) {
    unsigned l;
    for (l = 0; l < ref->cfg.num_layers; ++l) ref->bias_pending[l] = 1;
}

/* ---- one time step ---------------------------------------------------------------- */

enum column_kind { COLUMN_BIAS_OR_INPUT, COLUMN_HIDDEN };

/* m[i] = wrap24(m[i] + w[i] * delta) for one gate's rows. |m| < 2^23 and
 * |w * delta| <= 2^22, so the sum fits in 32 bits before the wrap. The gold of every
 * synthetic job comes from here: built for AVX2 too where GCC can (host builds) and
 * chosen at run time; the cross-compiled ARM build has one version. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
static void accumulate_gate(int32_t *restrict m, const int8_t *restrict w, int16_t delta,
                            unsigned n) {
    unsigned i;
    for (i = 0; i < n; ++i) m[i] = wrap24_i32(m[i] + (int32_t)w[i] * delta);
}

/* SPEC 4.4: add the delta-weighted column to the layer's accumulators. */
static void accumulate_column(const edgedrnn_ref *ref, unsigned l, uint32_t column_index,
                              int16_t delta, enum column_kind kind) {
    const unsigned hidden = ref->cfg.hidden[l];
    const int8_t *w = ref->cfg.weights + column_byte_offset(column_index, hidden);
    int32_t *m_r = ref->acc[l];
    int32_t *m_u = m_r + hidden;
    int32_t *m_c = kind == COLUMN_HIDDEN ? m_u + 2u * hidden : m_u + hidden;
    accumulate_gate(m_r, w, delta, hidden);
    accumulate_gate(m_u, w + hidden, delta, hidden);
    accumulate_gate(m_c, w + 2u * hidden, delta, hidden);
}

/* SPEC 4.3 for a vector: every entry whose delta to its reference passes is
 * transmitted (accumulated) and becomes the new reference. Returns the count. */
static uint32_t encode_vector(const edgedrnn_ref *ref, unsigned l, const int16_t *value,
                              int16_t *reference, unsigned count, uint32_t th_reg,
                              uint32_t first_column, enum column_kind kind) {
    uint32_t passed = 0;
    unsigned j;
    for (j = 0; j < count; ++j) {
        const int16_t delta = wrap16((int32_t)value[j] - reference[j]);
        if (!edgedrnn_ref_delta_passes(delta, th_reg)) continue;
        reference[j] = value[j];
        accumulate_column(ref, l, first_column + j, delta, kind);
        ++passed;
    }
    return passed;
}

/* The bias is fed once after every reset, as a delta of 1.0 compared against THX. */
static uint32_t encode_bias(edgedrnn_ref *ref, unsigned l, uint32_t bias_column) {
    if (!ref->bias_pending[l]) return 0;
    ref->bias_pending[l] = 0;
    if (!edgedrnn_ref_delta_passes(BIAS_DELTA_Q88, ref->cfg.thx_reg)) return 0;
    accumulate_column(ref, l, bias_column, BIAS_DELTA_Q88, COLUMN_BIAS_OR_INPUT);
    return 1;
}

/* SPEC 4.5 for every neuron; h is both h_prev and the result (per-neuron update). */
static void update_layer(edgedrnn_ref *ref, unsigned l) {
    const unsigned hidden = ref->cfg.hidden[l];
    const int32_t *m = ref->acc[l];
    int16_t *h = ref->h[l];
    unsigned i;
    for (i = 0; i < hidden; ++i)
        h[i] = edgedrnn_ref_gru_update(m[i], m[hidden + i], m[2u * hidden + i],
                                       m[3u * hidden + i], h[i]);
}

static void run_layer(edgedrnn_ref *ref, unsigned l, const int16_t *x,
                      edgedrnn_ref_step_stats *stats) {
    const unsigned inputs = layer_input_size(&ref->cfg, l);
    const unsigned hidden = ref->cfg.hidden[l];
    const uint32_t bias_column = layer_first_column(&ref->cfg, l);
    const uint32_t biases = encode_bias(ref, l, bias_column);
    const uint32_t dx = encode_vector(ref, l, x, ref->x_hat[l], inputs, ref->cfg.thx_reg,
                                      bias_column + 1u, COLUMN_BIAS_OR_INPUT);
    const uint32_t dh = encode_vector(ref, l, ref->h[l], ref->h_hat[l], hidden,
                                      ref->cfg.thh_reg, bias_column + 1u + inputs,
                                      COLUMN_HIDDEN);
    update_layer(ref, l);
    stats->bias_columns += biases;
    stats->columns += biases + dx + dh;
    stats->dx[l] = dx;
    stats->dh[l] = dh;
}

void edgedrnn_ref_step(edgedrnn_ref *ref, const int16_t *x, int16_t *h_out,
                       edgedrnn_ref_step_stats *stats) {
    edgedrnn_ref_step_stats local = {0, 0, {0}, {0}};
    const unsigned last = ref->cfg.num_layers - 1u;
    unsigned l, i;
    for (l = 0; l <= last; ++l) run_layer(ref, l, l == 0 ? x : ref->h[l - 1], &local);
    for (i = 0; i < ref->cfg.hidden[last]; ++i) h_out[i] = ref->h[last][i];
    if (stats != NULL) *stats = local;
}
