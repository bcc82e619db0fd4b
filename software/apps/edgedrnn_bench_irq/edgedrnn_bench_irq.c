/* Interrupt-driven variant of software/apps/edgedrnn_bench (see the header). The flow per
 * step differs only in the waiting: S2MM is armed before MM2S starts (so the output never
 * waits for the CPU), then WFI until the S2MM completion interrupt; the handler clears
 * DMASR.IOC_Irq, which drops the DMA's interrupt line. Measurement, classifier, checks and
 * the descriptor fields written are the same as the polled application's. */
#include "software/apps/edgedrnn_bench_irq/edgedrnn_bench_irq.h"

#include "software/apps/edgedrnn_bench/edgedrnn_bench.h"
#include "software/bsp/bsp.h"
#include "software/drivers/axi_dma/axi_dma.h"
#include "software/drivers/edgedrnn/edgedrnn_drv.h"
#include "software/drivers/uart/uart_console.h"
#include "software/hal/hal.h"
#include "software/include/hw/axi_dma_regs.h"
#include "software/include/hw/gic_regs.h"
#include "software/include/vp_job.h"
#include "software/nn/fc_classifier.h"

#define MM2S_POLL_LIMIT 100000000u

static volatile int g_s2mm_done;
static volatile uint32_t g_s2mm_status;

/* S2MM interrupt: note the status, acknowledge the DMA (write-1-to-clear). */
static void s2mm_isr(void *context) {
    const uint32_t base = *(const uint32_t *)context + AXI_DMA_S2MM_DMASR;
    const uint32_t sr = hal_read32(base);
    hal_write32(base, sr & AXI_DMA_SR_IRQ_ALL);
    g_s2mm_status = sr;
    g_s2mm_done = 1;
}

static int setup(vp_job_descriptor *d, axi_dma *dma) {
    edgedrnn_config cfg;
    uint32_t l;
    if (axi_dma_init(dma, d->dma_base, d->dma_mm_width_bytes, d->dma_max_length_bytes) != AXI_DMA_OK)
        return APP_DMA_ERROR;
    cfg.weights_addr = d->weights_addr;
    cfg.weights_bytes = d->weights_bytes;
    cfg.thx = d->thx;
    cfg.thh = d->thh;
    cfg.num_layers = d->num_layers;
    cfg.input_size = d->input_size;
    for (l = 0; l < 4; ++l) cfg.hidden[l] = d->hidden[l];
    if (edgedrnn_program(d->edgedrnn_base, &cfg) != EDGEDRNN_OK) return APP_ACCEL_CONFIG;
    if (axi_dma_reset(dma) != AXI_DMA_OK) return APP_DMA_ERROR;
    /* S2MM completion and error interrupts on (axi_dma_init leaves them off). */
    hal_write32(d->dma_base + AXI_DMA_S2MM_DMACR,
                hal_read32(d->dma_base + AXI_DMA_S2MM_DMACR) | AXI_DMA_CR_IOC_IRQ_EN | AXI_DMA_CR_ERR_IRQ_EN);
    bsp_gic_init();
    bsp_irq_connect(GIC_ID_AXI_DMA_S2MM, s2mm_isr, &d->dma_base);
    bsp_irq_enable();
    return APP_OK;
}

/* One step's transfers; 0 when the output arrived without error. */
static int dma_step(axi_dma *dma, const vp_job_descriptor *d, uint32_t stim, uint32_t in_bytes, uint32_t out_bytes,
                    uint32_t t) {
    int rc;
    g_s2mm_done = 0;
    rc = axi_dma_transfer(dma, AXI_DMA_S2MM, d->rx_addr, out_bytes);
    if (rc == AXI_DMA_OK) rc = axi_dma_transfer(dma, AXI_DMA_MM2S, stim, in_bytes);
    if (rc == AXI_DMA_OK) {
        bsp_wait_flag(&g_s2mm_done);
        rc = axi_dma_error_code(g_s2mm_status);
    }
    /* The output depends on all of the input: MM2S is idle by now (checked, not assumed). */
    if (rc == AXI_DMA_OK) rc = axi_dma_wait_idle(dma, AXI_DMA_MM2S, MM2S_POLL_LIMIT);
    if (rc == AXI_DMA_OK) return 0;
    uart_printf("step %u: transfer failed: %s\r\n", (unsigned)t, axi_dma_error_string(rc));
    return 1;
}

int edgedrnn_bench_irq_main(uint32_t descriptor_addr) {
    vp_job_descriptor *d = (vp_job_descriptor *)hal_phys_to_ptr(descriptor_addr, sizeof *d);
    hal_platform platform;
    axi_dma dma;
    uint64_t sum = 0;
    uint32_t t, i, o, h, in_bytes, out_bytes;
    const int16_t *rx, *gold, *gold_fc;
    const int8_t *clw, *clb;
    int16_t *results;
    int rc;
    if (!d || d->magic != VP_JOB_MAGIC || d->version != VP_JOB_VERSION || d->num_layers < 1 || d->num_layers > 4)
        return APP_BAD_DESCRIPTOR;
    platform.uart_base = d->uart_base;
    platform.timer_base = d->timer_base;
    platform.timer_hz = d->timer_hz;
    hal_init(&platform);
    h = d->hidden[d->num_layers - 1];
    uart_printf("EdgeDRNN benchmark (interrupt-driven): %u layers, %u inputs, %u neurons, %u steps\r\n",
                (unsigned)d->num_layers, (unsigned)d->input_size, (unsigned)h, (unsigned)d->timesteps);
    d->steps_done = d->mismatches_rnn = d->mismatches_fc = 0;
    d->first_mismatch_step = 0xFFFFFFFFu;
    d->latency_ticks_min = 0xFFFFFFFFu;
    d->latency_ticks_max = 0;
    rc = setup(d, &dma);
    if (rc != APP_OK) {
        uart_printf("set-up failed (status %d)\r\n", rc);
        return (int)(d->status = (uint32_t)rc);
    }

    in_bytes = 2 * d->input_size;
    out_bytes = 2 * h;
    rx = (const int16_t *)hal_phys_to_ptr(d->rx_addr, out_bytes);
    results = (int16_t *)hal_phys_to_ptr(d->results_addr, out_bytes * d->timesteps);
    gold = d->gold_rnn_addr ? (const int16_t *)hal_phys_to_ptr(d->gold_rnn_addr, out_bytes * d->timesteps) : 0;
    gold_fc = d->gold_fc_addr ? (const int16_t *)hal_phys_to_ptr(d->gold_fc_addr, 2 * d->num_outputs * d->timesteps) : 0;
    clw = d->num_outputs ? (const int8_t *)hal_phys_to_ptr(d->cl_weight_addr, h * d->num_outputs) : 0;
    clb = d->num_outputs ? (const int8_t *)hal_phys_to_ptr(d->cl_bias_addr, d->num_outputs) : 0;

    for (t = 0; t < d->timesteps; ++t) {
        const uint32_t stim = d->stim_addr + t * in_bytes;
        uint32_t bad_rnn = 0, bad_fc = 0, latency;
        const uint64_t start = hal_timer_ticks();
        hal_dcache_flush_range(stim, in_bytes);
        hal_dcache_flush_range(d->rx_addr, out_bytes);
        if (dma_step(&dma, d, stim, in_bytes, out_bytes, t)) return (int)(d->status = APP_DMA_ERROR);
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
            uart_printf("Mismatch at step %u: %u RNN and %u classifier outputs differ\r\n", (unsigned)t,
                        (unsigned)bad_rnn, (unsigned)bad_fc);
            break;
        }
    }
    bsp_irq_disconnect(GIC_ID_AXI_DMA_S2MM);
    d->latency_ticks_sum_lo = (uint32_t)sum;
    d->latency_ticks_sum_hi = (uint32_t)(sum >> 32);
    uart_printf("Steps: %u, mean latency %lu timer ticks\r\n", (unsigned)d->steps_done,
                (unsigned long)(d->steps_done ? sum / d->steps_done : 0));
    if (d->mismatches_rnn || d->mismatches_fc) {
        uart_printf("Benchmark Failed: RNN Outputs Incorrect\r\n");
        return (int)(d->status = APP_MISMATCH);
    }
    uart_printf(d->gold_rnn_addr ? "Benchmark Successful: RNN Outputs Correct!!!\r\n"
                                 : "Benchmark done (no gold to compare)\r\n");
    return (int)(d->status = APP_OK);
}
