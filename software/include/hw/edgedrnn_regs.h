/* EdgeDRNN AXI-Lite register map (SPEC section 2): one source of truth shared by the
 * C driver and the SystemC model. 32 registers of 32 bits, index k at byte offset 4*k. */
#ifndef HW_EDGEDRNN_REGS_H
#define HW_EDGEDRNN_REGS_H

#define EDGEDRNN_NUM_REGS 32u
#define EDGEDRNN_REG_BYTES 4u
#define EDGEDRNN_REGS_SPAN_BYTES (EDGEDRNN_NUM_REGS * EDGEDRNN_REG_BYTES)

/* Byte offsets. */
#define EDGEDRNN_W_BASEADDR 0x00u /* DRAM byte address of weight column 0 */
#define EDGEDRNN_THX 0x04u        /* input delta threshold, Q8.8 LSBs, 10-bit signed */
#define EDGEDRNN_THH 0x08u        /* hidden delta threshold, Q8.8 LSBs, 10-bit signed */
#define EDGEDRNN_NUM_LAYER 0x0Cu  /* number of GRU layers, bits [2:0], valid 1..4 */
#define EDGEDRNN_SIZE_0 0x10u     /* input size of layer 1, bits [10:0] */
#define EDGEDRNN_SIZE_1 0x14u     /* hidden size of layer 1, bits [10:0] */
#define EDGEDRNN_SIZE_2 0x18u
#define EDGEDRNN_SIZE_3 0x1Cu
#define EDGEDRNN_SIZE_4 0x20u
#define EDGEDRNN_SIZE(k) (EDGEDRNN_SIZE_0 + 4u * (k)) /* k = 0..4 */

/* Field masks. */
#define EDGEDRNN_TH_MASK 0x3FFu
#define EDGEDRNN_TH_SIGN 0x200u
#define EDGEDRNN_NUM_LAYER_MASK 0x7u
#define EDGEDRNN_SIZE_MASK 0x7FFu

/* Reset values (index order 0..9; 10..31 reset to 0). */
#define EDGEDRNN_RESET_W_BASEADDR 40u
#define EDGEDRNN_RESET_THX 1024u
#define EDGEDRNN_RESET_THH 1024u
#define EDGEDRNN_RESET_SIZE_4 2u
#define EDGEDRNN_RESET_REG9 128u

/* Stream and weight-port geometry (SPEC 1, 3.2-3.3). */
#define EDGEDRNN_NUM_PE 8u
#define EDGEDRNN_STREAM_BEAT_BYTES 16u /* 8 lanes x Q8.8 */
#define EDGEDRNN_WEIGHT_BEAT_BYTES 8u  /* 8 lanes x Q1.7 */

#endif
