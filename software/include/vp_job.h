/* The job descriptor: how the virtual platform tells the (unmodified, not rebuilt)
 * application where the network, the stimulus and the gold are, and where it wants the
 * results. vp writes it into DDR at the address the platform file names
 * (software.descriptor_address) before the CPU starts; the application receives that
 * address as its argument. Device bases are here too, so the application follows the
 * platform file's memory map (on the board they come from xparameters.h).
 * All fields are 32-bit little-endian; addresses are physical bus addresses. */
#ifndef VP_JOB_H
#define VP_JOB_H

#include <stdint.h>

#define VP_JOB_MAGIC 0x4E524445u  /* "EDRN" */
#define VP_JOB_VERSION 1u

typedef struct {
    uint32_t magic, version;
    /* Devices. */
    uint32_t uart_base, timer_base, timer_hz;
    uint32_t dma_base, dma_mm_width_bytes, dma_max_length_bytes;
    uint32_t edgedrnn_base;
    /* Network (as programmed into EdgeDRNN). */
    uint32_t num_layers, input_size, hidden[4];
    uint32_t thx, thh;
    uint32_t weights_addr, weights_bytes;
    /* Classifier on the CPU (num_outputs = 0: none). */
    uint32_t num_outputs, cl_weight_addr, cl_bias_addr;
    /* Stimulus and gold: int16 [t * input_size + i], [t * H_L + i], [t * num_outputs + o]. */
    uint32_t timesteps, stim_addr, gold_rnn_addr, gold_fc_addr;  /* gold 0 = none */
    /* Buffers: S2MM receive buffer, and where the application stores each step's
     * received vector (int16 [t * H_L + i]) for vp to report. */
    uint32_t rx_addr, results_addr;
    /* Written by the application. */
    uint32_t steps_done, mismatches_rnn, mismatches_fc, first_mismatch_step;
    uint32_t latency_ticks_min, latency_ticks_max;
    uint32_t latency_ticks_sum_lo, latency_ticks_sum_hi;
    uint32_t status;  /* 0 ok, else an app_status code */
} vp_job_descriptor;

#endif
