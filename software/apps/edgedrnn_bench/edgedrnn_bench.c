/* Per time step, as the EdgeDRNN authors' driver (SPEC 7): read the timer; MM2S the
 * input vector (cache clean first) and poll until idle; S2MM the output vector into the
 * receive buffer and poll until idle; check the error bits; run the classifier; read the
 * timer; compare with the gold and stop at the first mismatch. At the end: latency
 * min/mean/max and effective GOp/s = 2 x weight bytes / latency, as the driver reports. */
#include "software/apps/edgedrnn_bench/edgedrnn_bench.h"

#include "software/apps/edgedrnn_bench/bench_job.h"
#include "software/drivers/uart/uart_console.h"
#include "software/hal/hal.h"

#define DMA_POLL_LIMIT 100000000u

/* One DMA transfer, polled to completion; prints the decoded error on failure. */
static int dma_step(axi_dma *dma, int dir, uint32_t addr, uint32_t bytes, uint32_t t) {
    int rc = axi_dma_transfer(dma, dir, addr, bytes);
    if (rc == AXI_DMA_OK) rc = axi_dma_wait_idle(dma, dir, DMA_POLL_LIMIT);
    if (rc == AXI_DMA_OK) return 0;
    uart_printf("step %u: %s transfer failed: %s\r\n", (unsigned)t,
                dir == AXI_DMA_MM2S ? "MM2S" : "S2MM", axi_dma_error_string(rc));
    return 1;
}

int edgedrnn_bench_main(uint32_t descriptor_addr) {
    bench_job job;
    uint32_t t;
    int rc = bench_job_open(&job, descriptor_addr, "");
    if (rc == APP_OK) rc = bench_job_setup(&job);
    if (rc != APP_OK) return rc;
    for (t = 0; t < job.d->timesteps; ++t) {
        const uint32_t stim = job.d->stim_addr + t * job.in_bytes;
        const uint64_t start = hal_timer_ticks();
        hal_dcache_flush_range(stim, job.in_bytes);
        if (dma_step(&job.dma, AXI_DMA_MM2S, stim, job.in_bytes, t)) return bench_job_fail(&job, APP_DMA_ERROR);
        hal_dcache_flush_range(job.d->rx_addr, job.out_bytes);
        if (dma_step(&job.dma, AXI_DMA_S2MM, job.d->rx_addr, job.out_bytes, t))
            return bench_job_fail(&job, APP_DMA_ERROR);
        hal_dcache_invalidate_range(job.d->rx_addr, job.out_bytes);
        if (bench_job_record(&job, t, start)) break;
    }
    return bench_job_close(&job);
}
