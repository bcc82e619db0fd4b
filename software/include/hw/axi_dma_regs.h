/* Xilinx AXI DMA (PG021) in simple / direct-register mode: register offsets and bit
 * masks, one source of truth shared by the C driver and the SystemC model (SPEC 1.1).
 * Offsets are relative to the DMA base address; the S2MM channel's registers sit at the
 * MM2S offsets + 0x30, so the channel-relative offsets serve both channels. */
#ifndef HW_AXI_DMA_REGS_H
#define HW_AXI_DMA_REGS_H

/* ---- register offsets (from the DMA base) ---- */
#define AXI_DMA_MM2S_DMACR 0x00u   /* MM2S control */
#define AXI_DMA_MM2S_DMASR 0x04u   /* MM2S status */
#define AXI_DMA_MM2S_SA 0x18u      /* MM2S source address, bits 31:0 */
#define AXI_DMA_MM2S_SA_MSB 0x1Cu  /* bits 63:32 (only with > 32-bit addressing) */
#define AXI_DMA_MM2S_LENGTH 0x28u  /* bytes to transfer; writing it starts MM2S */
#define AXI_DMA_S2MM_DMACR 0x30u   /* S2MM control */
#define AXI_DMA_S2MM_DMASR 0x34u   /* S2MM status */
#define AXI_DMA_S2MM_DA 0x48u      /* S2MM destination address, bits 31:0 */
#define AXI_DMA_S2MM_DA_MSB 0x4Cu  /* bits 63:32 (only with > 32-bit addressing) */
#define AXI_DMA_S2MM_LENGTH 0x58u  /* buffer bytes; writing it arms S2MM; reads back the
                                      bytes actually written once the transfer is done */

/* Channel bases and channel-relative offsets (channel base + these). */
#define AXI_DMA_MM2S_BASE 0x00u
#define AXI_DMA_S2MM_BASE 0x30u
#define AXI_DMA_CH_DMACR 0x00u
#define AXI_DMA_CH_DMASR 0x04u
#define AXI_DMA_CH_ADDR 0x18u      /* SA (MM2S) or DA (S2MM) */
#define AXI_DMA_CH_ADDR_MSB 0x1Cu
#define AXI_DMA_CH_LENGTH 0x28u

/* Scatter-gather registers (not used in simple mode; listed so a model can name them). */
#define AXI_DMA_CH_CURDESC 0x08u
#define AXI_DMA_CH_CURDESC_MSB 0x0Cu
#define AXI_DMA_CH_TAILDESC 0x10u
#define AXI_DMA_CH_TAILDESC_MSB 0x14u
#define AXI_DMA_SG_CTL 0x2Cu

/* ---- DMACR bits ---- */
#define AXI_DMA_CR_RS (1u << 0)           /* run (1) / stop (0) */
#define AXI_DMA_CR_RESERVED1 (1u << 1)    /* reserved, always reads 1 */
#define AXI_DMA_CR_RESET (1u << 2)        /* soft reset of the whole DMA; self-clearing */
#define AXI_DMA_CR_KEYHOLE (1u << 3)      /* fixed-address bursts */
#define AXI_DMA_CR_CYCLIC (1u << 4)       /* cyclic BD mode (scatter-gather only) */
#define AXI_DMA_CR_IOC_IRQ_EN (1u << 12)  /* interrupt on complete enable */
#define AXI_DMA_CR_DLY_IRQ_EN (1u << 13)  /* delay-timer interrupt enable */
#define AXI_DMA_CR_ERR_IRQ_EN (1u << 14)  /* error interrupt enable */
#define AXI_DMA_CR_IRQ_EN_ALL (AXI_DMA_CR_IOC_IRQ_EN | AXI_DMA_CR_DLY_IRQ_EN | AXI_DMA_CR_ERR_IRQ_EN)
#define AXI_DMA_CR_IRQ_THRESHOLD_SHIFT 16u
#define AXI_DMA_CR_IRQ_THRESHOLD_MASK (0xFFu << AXI_DMA_CR_IRQ_THRESHOLD_SHIFT)
#define AXI_DMA_CR_IRQ_DELAY_SHIFT 24u
#define AXI_DMA_CR_IRQ_DELAY_MASK (0xFFu << AXI_DMA_CR_IRQ_DELAY_SHIFT)

/* ---- DMASR bits ---- */
#define AXI_DMA_SR_HALTED (1u << 0)       /* channel halted (RS = 0 and operations stopped) */
#define AXI_DMA_SR_IDLE (1u << 1)         /* the last transfer completed (0 while halted) */
#define AXI_DMA_SR_SG_INCLD (1u << 3)     /* scatter-gather engine built in */
#define AXI_DMA_SR_DMA_INT_ERR (1u << 4)  /* internal error: zero length, oversize S2MM packet */
#define AXI_DMA_SR_DMA_SLV_ERR (1u << 5)  /* the memory slave answered SLVERR */
#define AXI_DMA_SR_DMA_DEC_ERR (1u << 6)  /* the address decoded to nothing (DECERR) */
#define AXI_DMA_SR_SG_INT_ERR (1u << 8)
#define AXI_DMA_SR_SG_SLV_ERR (1u << 9)
#define AXI_DMA_SR_SG_DEC_ERR (1u << 10)
#define AXI_DMA_SR_IOC_IRQ (1u << 12)     /* transfer complete; write 1 to clear */
#define AXI_DMA_SR_DLY_IRQ (1u << 13)     /* delay timer; write 1 to clear */
#define AXI_DMA_SR_ERR_IRQ (1u << 14)     /* an error bit was set; write 1 to clear */
#define AXI_DMA_SR_IRQ_ALL (AXI_DMA_SR_IOC_IRQ | AXI_DMA_SR_DLY_IRQ | AXI_DMA_SR_ERR_IRQ)
#define AXI_DMA_SR_ERR_ALL (AXI_DMA_SR_DMA_INT_ERR | AXI_DMA_SR_DMA_SLV_ERR | AXI_DMA_SR_DMA_DEC_ERR | \
                            AXI_DMA_SR_SG_INT_ERR | AXI_DMA_SR_SG_SLV_ERR | AXI_DMA_SR_SG_DEC_ERR)

/* ---- reset values (simple mode) ---- */
#define AXI_DMA_RESET_DMACR 0x00010002u  /* IRQThreshold = 1, reserved bit 1 */
#define AXI_DMA_RESET_DMASR 0x00000001u  /* Halted; Idle is 0 before the first transfer */

/* The buffer-length register is 8..26 bits wide (a build parameter). */
#define AXI_DMA_LENGTH_WIDTH_MIN 8u
#define AXI_DMA_LENGTH_WIDTH_MAX 26u

#endif
