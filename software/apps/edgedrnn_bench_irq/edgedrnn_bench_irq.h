/* The EdgeDRNN benchmark, interrupt-driven: per time step the S2MM transfer is armed, the
 * MM2S transfer started, and the CPU sleeps (WFI) until the AXI DMA's S2MM interrupt
 * instead of polling DMASR. Board / ARM ISS only (GIC and WFI: software/bsp). Same job
 * descriptor, same results and statuses as edgedrnn_bench (edgedrnn_bench.h). */
#ifndef EDGEDRNN_BENCH_IRQ_H
#define EDGEDRNN_BENCH_IRQ_H

#include <stdint.h>

int edgedrnn_bench_irq_main(uint32_t descriptor_addr);

#endif
