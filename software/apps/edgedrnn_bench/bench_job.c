#include "software/apps/edgedrnn_bench/bench_job.h"

#include "software/apps/edgedrnn_bench/edgedrnn_bench.h"
#include "software/drivers/edgedrnn/edgedrnn_drv.h"
#include "software/drivers/uart/uart_console.h"
#include "software/hal/hal.h"
#include "software/nn/fc_classifier.h"

/* Prints ticks as microseconds with three decimals, without floating point. */
static void print_us(uint64_t ticks, uint32_t hz) {
    const uint64_t ns = ticks * 1000000000ull / hz;
    uart_printf("%lu.%03lu us", (unsigned long)(ns / 1000), (unsigned long)(ns % 1000));
}

int bench_job_fail(bench_job *job, int status) {
    if (job->d) job->d->status = (uint32_t)status;
    return status;
}

int bench_job_open(bench_job *job, uint32_t descriptor_addr, const char *variant) {
    vp_job_descriptor *d = (vp_job_descriptor *)hal_phys_to_ptr(descriptor_addr, sizeof *d);
    hal_platform platform;
    job->d = 0;
    if (!d || d->magic != VP_JOB_MAGIC || d->version != VP_JOB_VERSION || d->num_layers < 1 ||
        d->num_layers > 4)
        return APP_BAD_DESCRIPTOR;
    job->d = d;
    platform.uart_base = d->uart_base;
    platform.timer_base = d->timer_base;
    platform.timer_hz = d->timer_hz;
    hal_init(&platform);  /* also points the console at the UART */
    job->h = d->hidden[d->num_layers - 1];
    job->in_bytes = 2 * d->input_size;
    job->out_bytes = 2 * job->h;
    job->latency_sum = 0;
    uart_printf("EdgeDRNN benchmark%s: %u layers, %u inputs, %u neurons, %u steps\r\n", variant,
                (unsigned)d->num_layers, (unsigned)d->input_size, (unsigned)job->h,
                (unsigned)d->timesteps);
    d->steps_done = d->mismatches_rnn = d->mismatches_fc = 0;
    d->first_mismatch_step = 0xFFFFFFFFu;
    d->latency_ticks_min = 0xFFFFFFFFu;
    d->latency_ticks_max = 0;

    job->rx = (const int16_t *)hal_phys_to_ptr(d->rx_addr, job->out_bytes);
    job->results = (int16_t *)hal_phys_to_ptr(d->results_addr, job->out_bytes * d->timesteps);
    job->gold = d->gold_rnn_addr
        ? (const int16_t *)hal_phys_to_ptr(d->gold_rnn_addr, job->out_bytes * d->timesteps) : 0;
    job->gold_fc = d->gold_fc_addr
        ? (const int16_t *)hal_phys_to_ptr(d->gold_fc_addr, 2 * d->num_outputs * d->timesteps) : 0;
    job->cl_weight = d->num_outputs
        ? (const int8_t *)hal_phys_to_ptr(d->cl_weight_addr, job->h * d->num_outputs) : 0;
    job->cl_bias = d->num_outputs ? (const int8_t *)hal_phys_to_ptr(d->cl_bias_addr, d->num_outputs) : 0;
    if (!job->rx || !job->results) return bench_job_fail(job, APP_BAD_DESCRIPTOR);
    return APP_OK;
}

int bench_job_setup(bench_job *job) {
    const vp_job_descriptor *d = job->d;
    edgedrnn_config cfg;
    uint32_t l;
    int rc = axi_dma_init(&job->dma, d->dma_base, d->dma_mm_width_bytes, d->dma_max_length_bytes);
    if (rc != AXI_DMA_OK) {
        uart_printf("AXI DMA init failed: %s\r\n", axi_dma_error_string(rc));
        return bench_job_fail(job, APP_DMA_ERROR);
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
        return bench_job_fail(job, APP_ACCEL_CONFIG);
    }
    /* Drop stream data accepted before configuration (SPEC 7 step 1). */
    rc = axi_dma_reset(&job->dma);
    if (rc != AXI_DMA_OK) {
        uart_printf("AXI DMA reset failed: %s\r\n", axi_dma_error_string(rc));
        return bench_job_fail(job, APP_DMA_ERROR);
    }
    return APP_OK;
}

int bench_job_record(bench_job *job, uint32_t t, uint64_t start_ticks) {
    vp_job_descriptor *d = job->d;
    const uint32_t h = job->h;
    uint32_t bad_rnn = 0, bad_fc = 0, latency, i, o;
    uint64_t ticks;
    for (o = 0; o < d->num_outputs; ++o) {
        const int16_t fc = fc_classifier_q88(
            fc_classifier_raw(job->rx, h, job->cl_weight, job->cl_bias, d->num_outputs, o));
        if (job->gold_fc && fc != job->gold_fc[t * d->num_outputs + o]) ++bad_fc;
    }
    /* The step's latency: from before the input transfer to after the classifier. The sum
     * takes all 64 bits; min and max are 32-bit fields of the descriptor (12.9 s at the
     * 333 MHz timer), so a longer step saturates there instead of wrapping. */
    ticks = hal_timer_ticks() - start_ticks;
    latency = ticks > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)ticks;
    for (i = 0; i < h; ++i) {
        job->results[t * h + i] = job->rx[i];
        if (job->gold && job->rx[i] != job->gold[t * h + i]) ++bad_rnn;
    }
    job->latency_sum += ticks;
    if (latency < d->latency_ticks_min) d->latency_ticks_min = latency;
    if (latency > d->latency_ticks_max) d->latency_ticks_max = latency;
    d->steps_done = t + 1;
    d->mismatches_rnn += bad_rnn;
    d->mismatches_fc += bad_fc;
    if (!bad_rnn && !bad_fc) return 0;
    d->first_mismatch_step = t;
    uart_printf("Mismatch at step %u: %u RNN and %u classifier outputs differ\r\n", (unsigned)t,
                (unsigned)bad_rnn, (unsigned)bad_fc);
    return 1;
}

int bench_job_close(bench_job *job) {
    vp_job_descriptor *d = job->d;
    const uint64_t sum = job->latency_sum;
    const uint32_t hz = d->timer_hz;
    d->latency_ticks_sum_lo = (uint32_t)sum;
    d->latency_ticks_sum_hi = (uint32_t)(sum >> 32);
    uart_printf("Steps: %u, latency min ", (unsigned)d->steps_done);
    print_us(d->latency_ticks_min, hz);
    uart_printf(", mean ");
    print_us(d->steps_done ? sum / d->steps_done : 0, hz);
    uart_printf(", max ");
    print_us(d->latency_ticks_max, hz);
    uart_printf("\r\n");
    if (d->steps_done && sum) {
        /* GOp/s = 2 x weight bytes / mean latency (as the authors' driver); in hundredths. */
        const uint64_t mean_ns = sum * 1000000000ull / hz / d->steps_done;
        const uint64_t centi = mean_ns ? 200ull * d->weights_bytes / mean_ns : 0;
        uart_printf("Operations per step: %u, effective throughput %lu.%02lu GOp/s\r\n",
                    (unsigned)(2 * d->weights_bytes), (unsigned long)(centi / 100),
                    (unsigned long)(centi % 100));
    }
    if (d->mismatches_rnn || d->mismatches_fc) {
        uart_printf("Benchmark Failed: RNN Outputs Incorrect\r\n");
        return bench_job_fail(job, APP_MISMATCH);
    }
    uart_printf(d->gold_rnn_addr ? "Benchmark Successful: RNN Outputs Correct!!!\r\n"
                                 : "Benchmark done (no gold to compare)\r\n");
    return bench_job_fail(job, APP_OK);
}
