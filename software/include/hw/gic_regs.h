/* ARM PL390-class GIC (Cortex-A9 MPCore interrupt controller) as the Zynq-7000 has it
 * (UG585 ch. 7): register offsets and bits, one source of truth shared by the C board
 * support and the SystemC model. Only what a bare-metal program uses. */
#ifndef HW_GIC_REGS_H
#define HW_GIC_REGS_H

/* Zynq-7000 bases (XPAR_PS7_SCUGIC_0_*): fixed by the silicon. */
#define GIC_ZYNQ_CPU_BASE 0xF8F00100u
#define GIC_ZYNQ_DIST_BASE 0xF8F01000u

/* ---- distributor (ICD*) ---- */
#define GIC_ICDDCR 0x000u        /* bit 0: forward interrupts to the CPU interfaces */
#define GIC_ICDICTR 0x004u       /* type: ITLinesNumber in bits 4:0 (32 x (N + 1) IDs) */
#define GIC_ICDISER(n) (0x100u + 4u * (n)) /* set-enable, one bit per ID */
#define GIC_ICDICER(n) (0x180u + 4u * (n)) /* clear-enable */
#define GIC_ICDISPR(n) (0x200u + 4u * (n)) /* set-pending */
#define GIC_ICDICPR(n) (0x280u + 4u * (n)) /* clear-pending */
#define GIC_ICDABR(n) (0x300u + 4u * (n))  /* active (read-only) */
#define GIC_ICDIPR 0x400u        /* priority, one byte per ID (lower = more urgent) */
#define GIC_ICDIPTR 0x800u       /* CPU targets, one byte per ID (bit 0 = CPU0) */
#define GIC_ICDICFR 0xC00u       /* configuration, 2 bits per ID (stored only) */
#define GIC_ICDSGIR 0xF00u       /* software-generated interrupts (ignored) */

/* ---- CPU interface (ICC*) ---- */
#define GIC_ICCICR 0x00u         /* bit 0: signal interrupts to the processor */
#define GIC_ICCPMR 0x04u         /* priority mask: only priorities below it are signalled */
#define GIC_ICCBPR 0x08u         /* binary point (stored only) */
#define GIC_ICCIAR 0x0Cu         /* acknowledge: reading returns the ID and makes it active */
#define GIC_ICCEOIR 0x10u        /* end of interrupt: write the acknowledged ID */
#define GIC_ICCRPR 0x14u         /* running priority */
#define GIC_ICCHPIR 0x18u        /* highest pending interrupt */

#define GIC_ID_MASK 0x3FFu
#define GIC_SPURIOUS_ID 1023u
#define GIC_NUM_IDS 96u          /* Zynq-7000: IDs 0..95 */

/* Zynq-7000 interrupt IDs (UG585 table 7-4). */
#define GIC_ID_GLOBAL_TIMER 27u
#define GIC_ID_F2P(n) ((n) < 8u ? 61u + (n) : 84u + ((n) - 8u)) /* IRQ_F2P[15:0] from the PL */
/* The MiniZed design's PL interrupts (xparameters.h of the EdgeDRNN design): the AXI DMA's
 * mm2s_introut on IRQ_F2P[0], s2mm_introut on IRQ_F2P[1]. */
#define GIC_ID_AXI_DMA_MM2S GIC_ID_F2P(0u)
#define GIC_ID_AXI_DMA_S2MM GIC_ID_F2P(1u)

#endif
