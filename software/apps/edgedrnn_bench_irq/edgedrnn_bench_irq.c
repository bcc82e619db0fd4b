/* Interrupt-driven variant of software/apps/edgedrnn_bench (see the header). The flow per
 * step differs only in the waiting: S2MM is armed before MM2S starts (so the output never
 * waits for the CPU), then WFI until the S2MM completion interrupt; the handler clears
 * DMASR.IOC_Irq, which drops the DMA's interrupt line. Measurement, classifier, checks and
 * the descriptor fields written are the same as the polled application's. */
#include "software/apps/edgedrnn_bench_irq/edgedrnn_bench_irq.h"

#include "software/apps/edgedrnn_bench/bench_job.h"
#include "software/apps/edgedrnn_bench/edgedrnn_bench.h"
#include "software/bsp/bsp.h"
#include "software/drivers/axi_dma/axi_dma.h"
#include "software/drivers/uart/uart_console.h"
#include "software/hal/hal.h"
#include "software/include/hw/axi_dma_regs.h"
#include "software/include/hw/gic_regs.h"

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

/* The polled set-up, then the S2MM completion and error interrupts through the GIC. */
static int setup(bench_job *job) {
    const uint32_t dmacr = job->d->dma_base + AXI_DMA_S2MM_DMACR;
    const int rc = bench_job_setup(job);
    if (rc != APP_OK) return rc;
    hal_write32(dmacr, hal_read32(dmacr) | AXI_DMA_CR_IOC_IRQ_EN | AXI_DMA_CR_ERR_IRQ_EN);
    bsp_gic_init();
    bsp_irq_connect(GIC_ID_AXI_DMA_S2MM, s2mm_isr, &job->d->dma_base);
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
    bench_job job;
    uint32_t t;
    int rc = bench_job_open(&job, descriptor_addr, " (interrupt-driven)");
    if (rc == APP_OK) rc = setup(&job);
    if (rc != APP_OK) return rc;
    for (t = 0; t < job.d->timesteps; ++t) {
        const uint32_t stim = job.d->stim_addr + t * job.in_bytes;
        const uint64_t start = hal_timer_ticks();
        hal_dcache_flush_range(stim, job.in_bytes);
        hal_dcache_flush_range(job.d->rx_addr, job.out_bytes);
        if (dma_step(&job.dma, job.d, stim, job.in_bytes, job.out_bytes, t)) {
            bsp_irq_disconnect(GIC_ID_AXI_DMA_S2MM);
            return bench_job_fail(&job, APP_DMA_ERROR);
        }
        hal_dcache_invalidate_range(job.d->rx_addr, job.out_bytes);
        if (bench_job_record(&job, t, start)) break;
    }
    bsp_irq_disconnect(GIC_ID_AXI_DMA_S2MM);
    return bench_job_close(&job);
}
