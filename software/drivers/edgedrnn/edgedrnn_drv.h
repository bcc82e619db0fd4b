/* EdgeDRNN driver: programs the accelerator's registers as SPEC section 7 says. There is
 * no start or status register: after programming, input data on the stream starts a time
 * step, and completion is seen on the AXI DMA's S2MM channel. */
#ifndef EDGEDRNN_DRV_H
#define EDGEDRNN_DRV_H

#include <stdint.h>

typedef struct {
    uint32_t weights_addr;   /* physical address of the weight image, 8-byte aligned */
    uint32_t weights_bytes;
    uint32_t thx, thh;       /* register values, Q8.8 LSBs */
    uint32_t num_layers;     /* 1..4 */
    uint32_t input_size;     /* layer-1 input, padded to a multiple of 8 */
    uint32_t hidden[4];      /* hidden size per layer, multiples of 8 in 16..1024 */
} edgedrnn_config;

typedef enum {
    EDGEDRNN_OK = 0,
    EDGEDRNN_EINVAL = 1      /* configuration outside the hardware's limits (SPEC 6) */
} edgedrnn_status;

/* Checks the configuration against SPEC 6, writes registers 0..8, then cleans the
 * weight image from the data cache so the DataMover reads what the CPU wrote. */
edgedrnn_status edgedrnn_program(uint32_t base, const edgedrnn_config *cfg);

#endif
