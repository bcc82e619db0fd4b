/* AXI DMA (Xilinx PG021) simple-mode driver: the subset of the Xilinx axidma driver the
 * EdgeDRNN application uses (SPEC 1.1, 7), over the HAL's 32-bit register access only.
 * Freestanding C99; no interrupts (the application polls).
 *
 * Cache maintenance is the caller's, as in the Xilinx flow: clean the source buffer
 * before an MM2S transfer, clean and invalidate the destination before an S2MM transfer
 * (and invalidate it again after the transfer before reading it). */
#ifndef DRIVERS_AXI_DMA_H
#define DRIVERS_AXI_DMA_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { AXI_DMA_MM2S = 0, AXI_DMA_S2MM = 1 } axi_dma_dir;

/* Return codes (0 or negative). A device error comes back as the code of the DMASR bit
 * that reported it, so axi_dma_error_string(rc) names the cause. */
enum {
    AXI_DMA_OK = 0,
    AXI_DMA_EINVAL = -1,   /* bad argument: length outside 1..max_length, unaligned address
                              without DRE, bad direction or configuration */
    AXI_DMA_EBUSY = -2,    /* the channel runs and its last transfer is not done (Idle = 0) */
    AXI_DMA_ETIMEOUT = -3, /* the poll budget ran out (reset not done, transfer not idle) */
    AXI_DMA_EDEVICE = -4,  /* DMASR reports an error bit other than the three below */
    AXI_DMA_EHALTED = -5,  /* the channel halted without an error: nothing will complete */
    AXI_DMA_ENODEV = -6,   /* a scatter-gather build (DMASR.SGIncld = 1): not supported */
    AXI_DMA_EDECERR = -7,  /* DMASR.DMADecErr: the address decoded to no slave (DECERR) */
    AXI_DMA_ESLVERR = -8,  /* DMASR.DMASlvErr: the memory answered SLVERR */
    AXI_DMA_EINTERR = -9   /* DMASR.DMAIntErr: zero length, misalignment, S2MM packet longer
                              than the buffer */
};

typedef struct {
    uint32_t base;           /* physical base address of the register window */
    uint32_t mm_width_bytes; /* memory-map data width: alignment required without DRE */
    uint32_t max_length;     /* largest transfer: 2^(buffer length register width) - 1 */
    int has_dre;             /* 1: the build has the data realignment engine (default 0) */
} axi_dma;

/* Fills `dma`, resets the DMA (bounded poll), disables all interrupts and refuses a
 * scatter-gather build. mm_width_bytes must be a power of two, max_length >= 1. */
int axi_dma_init(axi_dma *dma, uint32_t base, uint32_t mm_width_bytes, uint32_t max_length);

/* Soft reset of both channels; waits (bounded) until DMACR.Reset reads back 0. Clears
 * error bits and halts both channels. */
int axi_dma_reset(const axi_dma *dma);

/* Starts an MM2S transfer from `addr` or arms S2MM to write to `addr`: checks
 * 1 <= length <= max_length, alignment without DRE, a clean status and, unless the
 * channel is halted, that its last transfer is done; then writes SA/DA, sets RS and
 * writes LENGTH (the Xilinx SimpleTransfer sequence). A channel stopped by an error
 * answers that error's code until axi_dma_reset(). */
int axi_dma_transfer(const axi_dma *dma, axi_dma_dir dir, uint32_t addr, uint32_t length);

/* 1 while the channel's DMASR.Idle is 0 (as XAxiDma_Busy), else 0. */
int axi_dma_busy(const axi_dma *dma, axi_dma_dir dir);

/* Polls DMASR up to max_polls times: AXI_DMA_OK once Idle, the error's code
 * (AXI_DMA_EDECERR, _ESLVERR, _EINTERR) on an error bit, AXI_DMA_EHALTED when halted
 * without error, AXI_DMA_ETIMEOUT otherwise. After an error, axi_dma_reset() restarts. */
int axi_dma_wait_idle(const axi_dma *dma, axi_dma_dir dir, uint32_t max_polls);

/* The channel's DMASR error bits (DMAIntErr | DMASlvErr | DMADecErr), 0 if none. */
uint32_t axi_dma_error_bits(const axi_dma *dma, axi_dma_dir dir);

/* The return code for a DMASR value's error bits (the most specific if several:
 * DecErr, then SlvErr, then IntErr), AXI_DMA_OK if none. */
int axi_dma_error_code(uint32_t dmasr);

/* What a return code means, e.g. "DMADecErr: ..." for AXI_DMA_EDECERR. A static string. */
const char *axi_dma_error_string(int status);

#ifdef __cplusplus
}
#endif

#endif
