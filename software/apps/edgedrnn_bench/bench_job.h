/* What both EdgeDRNN benchmark applications (polled and interrupt-driven) share: the job
 * the descriptor describes, the set-up of the AXI DMA and the accelerator (SPEC 7 steps
 * 1-2), the per-step bookkeeping (classifier, latency, results, comparison with the gold)
 * and the final report. They differ only in how they wait for the DMA. */
#ifndef BENCH_JOB_H
#define BENCH_JOB_H

#include <stdint.h>

#include "software/drivers/axi_dma/axi_dma.h"
#include "software/include/vp_job.h"

typedef struct {
    vp_job_descriptor *d;
    axi_dma dma;
    uint32_t h, in_bytes, out_bytes;   /* last layer's size; bytes per step in and out */
    const int16_t *rx, *gold, *gold_fc;
    int16_t *results;
    const int8_t *cl_weight, *cl_bias;
    uint64_t latency_sum;              /* timer ticks over the steps done */
} bench_job;

/* Checks the descriptor, starts the HAL services, prints the banner and maps the job's
 * arrays. Returns an APP_ status (APP_OK to go on). */
int bench_job_open(bench_job *job, uint32_t descriptor_addr, const char *variant);
/* Initialises and resets the DMA and programs the accelerator. Returns an APP_ status. */
int bench_job_setup(bench_job *job);
/* After step t's output arrived in the receive buffer: classifier, latency (from
 * start_ticks), results, comparison with the gold. Returns 1 when an output differs
 * (reported; the caller stops, as the authors' driver does). */
int bench_job_record(bench_job *job, uint32_t t, uint64_t start_ticks);
/* Prints the latency statistics and the verdict; returns the final APP_ status. */
int bench_job_close(bench_job *job);
/* Records a failure status in the descriptor and returns it. */
int bench_job_fail(bench_job *job, int status);

#endif
