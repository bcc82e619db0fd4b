/* AXI DMA simple-mode driver (see axi_dma.h). Register map: software/include/hw/axi_dma_regs.h.
 * Kept valid C++ as well (no implicit void* conversions), so host tests can compile it. */
#include "software/drivers/axi_dma/axi_dma.h"

#include <stddef.h>

#include "software/hal/hal.h"
#include "software/include/hw/axi_dma_regs.h"

/* DMACR.Reset clears within a few DMA cycles; a bus read takes longer than that, so this
 * bound only matters for a missing or broken device. */
#define AXI_DMA_RESET_POLLS 1000u

#define AXI_DMA_SR_ERRORS (AXI_DMA_SR_DMA_INT_ERR | AXI_DMA_SR_DMA_SLV_ERR | AXI_DMA_SR_DMA_DEC_ERR)

static uint32_t channel_base(axi_dma_dir dir) {
    return dir == AXI_DMA_MM2S ? AXI_DMA_MM2S_BASE : AXI_DMA_S2MM_BASE;
}

static int valid_dir(axi_dma_dir dir) { return dir == AXI_DMA_MM2S || dir == AXI_DMA_S2MM; }

static uint32_t read_reg(const axi_dma *dma, axi_dma_dir dir, uint32_t offset) {
    return hal_read32(dma->base + channel_base(dir) + offset);
}

static void write_reg(const axi_dma *dma, axi_dma_dir dir, uint32_t offset, uint32_t value) {
    hal_write32(dma->base + channel_base(dir) + offset, value);
}

int axi_dma_reset(const axi_dma *dma) {
    uint32_t polls;
    if (dma == NULL) return AXI_DMA_EINVAL;
    /* Either channel's Reset bit resets the whole DMA. */
    write_reg(dma, AXI_DMA_MM2S, AXI_DMA_CH_DMACR, AXI_DMA_CR_RESET);
    for (polls = 0; polls < AXI_DMA_RESET_POLLS; ++polls)
        if ((read_reg(dma, AXI_DMA_MM2S, AXI_DMA_CH_DMACR) & AXI_DMA_CR_RESET) == 0) return AXI_DMA_OK;
    return AXI_DMA_ETIMEOUT;
}

int axi_dma_init(axi_dma *dma, uint32_t base, uint32_t mm_width_bytes, uint32_t max_length) {
    int rc;
    int d;
    if (dma == NULL || mm_width_bytes == 0 || (mm_width_bytes & (mm_width_bytes - 1u)) != 0 || max_length == 0)
        return AXI_DMA_EINVAL;
    dma->base = base;
    dma->mm_width_bytes = mm_width_bytes;
    dma->max_length = max_length;
    dma->has_dre = 0;
    rc = axi_dma_reset(dma);
    if (rc != AXI_DMA_OK) return rc;
    if (read_reg(dma, AXI_DMA_MM2S, AXI_DMA_CH_DMASR) & AXI_DMA_SR_SG_INCLD) return AXI_DMA_ENODEV;
    /* Polled operation: no interrupt sources (the reset state has them off already; a
     * read-modify-write keeps the rest of DMACR as the hardware has it). */
    for (d = AXI_DMA_MM2S; d <= AXI_DMA_S2MM; ++d) {
        const axi_dma_dir dir = (axi_dma_dir)d;
        write_reg(dma, dir, AXI_DMA_CH_DMACR, read_reg(dma, dir, AXI_DMA_CH_DMACR) & ~AXI_DMA_CR_IRQ_EN_ALL);
    }
    return AXI_DMA_OK;
}

int axi_dma_transfer(const axi_dma *dma, axi_dma_dir dir, uint32_t addr, uint32_t length) {
    uint32_t sr;
    if (dma == NULL || !valid_dir(dir)) return AXI_DMA_EINVAL;
    if (length < 1u || length > dma->max_length) return AXI_DMA_EINVAL;
    if (!dma->has_dre && (addr & (dma->mm_width_bytes - 1u)) != 0) return AXI_DMA_EINVAL;
    sr = read_reg(dma, dir, AXI_DMA_CH_DMASR);
    /* After an error the channel restarts only after a reset. */
    if (sr & AXI_DMA_SR_ERR_ALL) return axi_dma_error_code(sr);
    if (!(sr & AXI_DMA_SR_HALTED) && !(sr & AXI_DMA_SR_IDLE)) return AXI_DMA_EBUSY;
    write_reg(dma, dir, AXI_DMA_CH_ADDR, addr);
    write_reg(dma, dir, AXI_DMA_CH_DMACR, read_reg(dma, dir, AXI_DMA_CH_DMACR) | AXI_DMA_CR_RS);
    write_reg(dma, dir, AXI_DMA_CH_LENGTH, length);  /* starts MM2S / arms S2MM */
    return AXI_DMA_OK;
}

int axi_dma_busy(const axi_dma *dma, axi_dma_dir dir) {
    if (dma == NULL || !valid_dir(dir)) return 0;
    return (read_reg(dma, dir, AXI_DMA_CH_DMASR) & AXI_DMA_SR_IDLE) ? 0 : 1;
}

int axi_dma_wait_idle(const axi_dma *dma, axi_dma_dir dir, uint32_t max_polls) {
    uint32_t polls;
    if (dma == NULL || !valid_dir(dir)) return AXI_DMA_EINVAL;
    for (polls = 0; polls < max_polls; ++polls) {
        const uint32_t sr = read_reg(dma, dir, AXI_DMA_CH_DMASR);
        if (sr & AXI_DMA_SR_ERR_ALL) return axi_dma_error_code(sr);
        if (sr & AXI_DMA_SR_IDLE) return AXI_DMA_OK;
        if (sr & AXI_DMA_SR_HALTED) return AXI_DMA_EHALTED;
    }
    return AXI_DMA_ETIMEOUT;
}

uint32_t axi_dma_error_bits(const axi_dma *dma, axi_dma_dir dir) {
    if (dma == NULL || !valid_dir(dir)) return 0;
    return read_reg(dma, dir, AXI_DMA_CH_DMASR) & AXI_DMA_SR_ERRORS;
}

int axi_dma_error_code(uint32_t dmasr) {
    /* The most specific first: a decode or slave error names the bus response. */
    if (dmasr & AXI_DMA_SR_DMA_DEC_ERR) return AXI_DMA_EDECERR;
    if (dmasr & AXI_DMA_SR_DMA_SLV_ERR) return AXI_DMA_ESLVERR;
    if (dmasr & AXI_DMA_SR_DMA_INT_ERR) return AXI_DMA_EINTERR;
    if (dmasr & AXI_DMA_SR_ERR_ALL) return AXI_DMA_EDEVICE;  /* scatter-gather bits */
    return AXI_DMA_OK;
}

const char *axi_dma_error_string(int status) {
    switch (status) {
    case AXI_DMA_OK: return "no error";
    case AXI_DMA_EINVAL: return "invalid argument (length outside 1..max, unaligned address, direction)";
    case AXI_DMA_EBUSY: return "the channel's last transfer is not done (DMASR.Idle = 0)";
    case AXI_DMA_ETIMEOUT: return "the DMA did not answer within the poll budget";
    case AXI_DMA_EDEVICE: return "the DMA reported an error (DMASR error bits)";
    case AXI_DMA_EHALTED: return "the channel is halted (DMASR.Halted = 1)";
    case AXI_DMA_ENODEV: return "scatter-gather build (DMASR.SGIncld = 1); simple mode required";
    case AXI_DMA_EDECERR: return "DMADecErr: the memory address decoded to no slave (AXI DECERR)";
    case AXI_DMA_ESLVERR: return "DMASlvErr: the memory slave answered with an error (AXI SLVERR)";
    case AXI_DMA_EINTERR:
        return "DMAIntErr: internal error (zero length, misaligned address or an S2MM packet longer than LENGTH)";
    default: return "unknown AXI DMA status";
    }
}
