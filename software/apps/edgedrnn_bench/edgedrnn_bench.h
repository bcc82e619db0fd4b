/* The EdgeDRNN benchmark application: the real flow of SPEC section 7 (the authors'
 * bare-metal driver), on any target. Built once; the job comes from the descriptor. */
#ifndef EDGEDRNN_BENCH_H
#define EDGEDRNN_BENCH_H

#include <stdint.h>

/* Status codes, also stored in vp_job_descriptor.status. */
enum {
    APP_OK = 0,
    APP_MISMATCH = 1,        /* an output differed from the gold: stopped there */
    APP_BAD_DESCRIPTOR = 2,
    APP_DMA_ERROR = 3,       /* DMA setup, transfer or error bits */
    APP_ACCEL_CONFIG = 4     /* network outside the accelerator's limits */
};

#ifdef __cplusplus
extern "C" {
#endif

/* Runs the job described at physical address descriptor_addr; returns an APP_ code. */
int edgedrnn_bench_main(uint32_t descriptor_addr);

#ifdef __cplusplus
}
#endif

#endif
