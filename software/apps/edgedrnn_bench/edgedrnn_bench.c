/* Per time step, as the EdgeDRNN authors' driver (SPEC 7): read the timer; MM2S the
 * input vector (cache clean first) and poll until idle; S2MM the output vector into the
 * receive buffer and poll until idle; check the error bits; run the classifier; read the
 * timer; compare with the gold and stop at the first mismatch. At the end: latency
 * min/mean/max and effective GOp/s = 2 x weight bytes / latency, as the driver reports. */
#include "software/apps/edgedrnn_bench/edgedrnn_bench.h"

#include "software/drivers/axi_dma/axi_dma.h"
#include "software/drivers/edgedrnn/edgedrnn_drv.h"
#include "software/drivers/uart/uart_console.h"
#include "software/hal/hal.h"
#include "software/include/vp_job.h"
#include "software/nn/fc_classifier.h"

#define DMA_POLL_LIMIT 100000000u

static uint32_t last_hidden(const vp_job_descriptor *d) { return d->hidden[d->num_layers - 1]; }

/* Prints ticks as microseconds with three decimals, without floating point. */
static void print_us(uint64_t ticks, uint32_t hz) {
    const uint64_t ns = ticks * 1000000000ull / hz;
    uart_printf("%lu.%03lu us", (unsigned long)(ns / 1000), (unsigned long)(ns % 1000));
}

static int setup(vp_job_descriptor *d, axi_dma *dma) {
    edgedrnn_config cfg;
    uint32_t l;
    int rc = axi_dma_init(dma, d->dma_base, d->dma_mm_width_bytes, d->dma_max_length_bytes);
    if (rc != AXI_DMA_OK) {
        uart_printf("AXI DMA init failed: %s\r\n", axi_dma_error_string(rc));
        return APP_DMA_ERROR;
    }
    cfg.weights_addr = d->weights_addr;
    cfg.weights_bytes = d->weights_bytes;
    cfg.thx = d->thx;
    cfg.thh = d->thh;
    cfg.num_layers = d->num_layers;
    cfg.input_size = d->input_size;
    for (l = 0; l < 4; ++l) cfg.hidden[l] = d->hidden[l];
    if (edgedrnn_program(d->edgedrnn_base, &cfg) != EDGEDRNN_OK) {
        uart_printf("EdgeDRNN: network outside the accelerator's limits\r\n");
        return APP_ACCEL_CONFIG;
    }
    /* Drop stream data accepted before configuration (SPEC 7 step 1). */
    rc = axi_dma_reset(dma);
    if (rc != AXI_DMA_OK) {
        uart_printf("AXI DMA reset failed: %s\r\n", axi_dma_error_string(rc));
        return APP_DMA_ERROR;
    }
    return APP_OK;
}

/* One DMA transfer, polled to completion; prints the decoded error on failure. */
static int dma_step(axi_dma *dma, int dir, uint32_t addr, uint32_t bytes, uint32_t t) {
    int rc = axi_dma_transfer(dma, dir, addr, bytes);
    if (rc == AXI_DMA_OK) rc = axi_dma_wait_idle(dma, dir, DMA_POLL_LIMIT);
    if (rc == AXI_DMA_OK) return 0;
    uart_printf("step %u: %s transfer failed: %s\r\n", (unsigned)t,
                dir == AXI_DMA_MM2S ? "MM2S" : "S2MM", axi_dma_error_string(rc));
    return 1;
}

static void report(const vp_job_descriptor *d, uint64_t sum) {
    const uint32_t hz = d->timer_hz;
    uart_printf("Steps: %u, latency min ", (unsigned)d->steps_done);
    print_us(d->latency_ticks_min, hz);
    uart_printf(", mean ");
    print_us(d->steps_done ? sum / d->steps_done : 0, hz);
    uart_printf(", max ");
    print_us(d->latency_ticks_max, hz);
    uart_printf("\r\n");
    if (d->steps_done && sum) {
        /* GOp/s = 2 x weight bytes / mean latency; in hundredths. */
        const uint64_t mean_ns = sum * 1000000000ull / hz / d->steps_done;
        const uint64_t centi = mean_ns ? 200ull * d->weights_bytes / mean_ns : 0;
        uart_printf("Operations per step: %u, effective throughput %lu.%02lu GOp/s\r\n",
                    (unsigned)(2 * d->weights_bytes), (unsigned long)(centi / 100),
                    (unsigned long)(centi % 100));
    }
}

int edgedrnn_bench_main(uint32_t descriptor_addr) {
    vp_job_descriptor *d = (vp_job_descriptor *)hal_phys_to_ptr(descriptor_addr, sizeof *d);
    hal_platform platform;
    axi_dma dma;
    uint64_t sum = 0;
    uint32_t t, i, o;
    int rc;
    if (!d || d->magic != VP_JOB_MAGIC || d->version != VP_JOB_VERSION || d->num_layers < 1 ||
        d->num_layers > 4)
        return APP_BAD_DESCRIPTOR;
    platform.uart_base = d->uart_base;
    platform.timer_base = d->timer_base;
    platform.timer_hz = d->timer_hz;
    hal_init(&platform);  /* also points the console at the UART */
    uart_printf("EdgeDRNN benchmark: %u layers, %u inputs, %u neurons, %u steps\r\n",
                (unsigned)d->num_layers, (unsigned)d->input_size, (unsigned)last_hidden(d),
                (unsigned)d->timesteps);

    d->steps_done = d->mismatches_rnn = d->mismatches_fc = 0;
    d->first_mismatch_step = 0xFFFFFFFFu;
    d->latency_ticks_min = 0xFFFFFFFFu;
    d->latency_ticks_max = 0;
    rc = setup(d, &dma);
    if (rc != APP_OK) return d->status = (uint32_t)rc;

    {
        const uint32_t in_bytes = 2 * d->input_size, out_bytes = 2 * last_hidden(d);
        const int16_t *rx = (const int16_t *)hal_phys_to_ptr(d->rx_addr, out_bytes);
        int16_t *results = (int16_t *)hal_phys_to_ptr(d->results_addr, out_bytes * d->timesteps);
        const int16_t *gold = d->gold_rnn_addr
            ? (const int16_t *)hal_phys_to_ptr(d->gold_rnn_addr, out_bytes * d->timesteps) : 0;
        const int16_t *gold_fc = d->gold_fc_addr
            ? (const int16_t *)hal_phys_to_ptr(d->gold_fc_addr, 2 * d->num_outputs * d->timesteps) : 0;
        const int8_t *clw = d->num_outputs
            ? (const int8_t *)hal_phys_to_ptr(d->cl_weight_addr, last_hidden(d) * d->num_outputs) : 0;
        const int8_t *clb = d->num_outputs
            ? (const int8_t *)hal_phys_to_ptr(d->cl_bias_addr, d->num_outputs) : 0;
        const uint32_t h = last_hidden(d);
        if (!rx || !results) return d->status = APP_BAD_DESCRIPTOR;

        for (t = 0; t < d->timesteps; ++t) {
            const uint32_t stim = d->stim_addr + t * in_bytes;
            uint32_t bad_rnn = 0, bad_fc = 0, latency;
            const uint64_t start = hal_timer_ticks();
            hal_dcache_flush_range(stim, in_bytes);
            if (dma_step(&dma, AXI_DMA_MM2S, stim, in_bytes, t)) return d->status = APP_DMA_ERROR;
            hal_dcache_flush_range(d->rx_addr, out_bytes);
            if (dma_step(&dma, AXI_DMA_S2MM, d->rx_addr, out_bytes, t)) return d->status = APP_DMA_ERROR;
            hal_dcache_invalidate_range(d->rx_addr, out_bytes);
            for (o = 0; o < d->num_outputs; ++o) {
                const int16_t fc = fc_classifier_q88(fc_classifier_raw(rx, h, clw, clb, d->num_outputs, o));
                if (gold_fc && fc != gold_fc[t * d->num_outputs + o]) ++bad_fc;
            }
            latency = (uint32_t)(hal_timer_ticks() - start);

            for (i = 0; i < h; ++i) {
                results[t * h + i] = rx[i];
                if (gold && rx[i] != gold[t * h + i]) ++bad_rnn;
            }
            sum += latency;
            if (latency < d->latency_ticks_min) d->latency_ticks_min = latency;
            if (latency > d->latency_ticks_max) d->latency_ticks_max = latency;
            d->steps_done = t + 1;
            d->mismatches_rnn += bad_rnn;
            d->mismatches_fc += bad_fc;
            if (bad_rnn || bad_fc) {
                d->first_mismatch_step = t;
                uart_printf("Mismatch at step %u: %u RNN and %u classifier outputs differ\r\n",
                            (unsigned)t, (unsigned)bad_rnn, (unsigned)bad_fc);
                break;
            }
        }
    }
    d->latency_ticks_sum_lo = (uint32_t)sum;
    d->latency_ticks_sum_hi = (uint32_t)(sum >> 32);
    report(d, sum);
    if (d->mismatches_rnn || d->mismatches_fc) {
        uart_printf("Benchmark Failed: RNN Outputs Incorrect\r\n");
        return d->status = APP_MISMATCH;
    }
    uart_printf(d->gold_rnn_addr ? "Benchmark Successful: RNN Outputs Correct!!!\r\n"
                     : "Benchmark done (no gold to compare)\r\n");
    return d->status = APP_OK;
}
