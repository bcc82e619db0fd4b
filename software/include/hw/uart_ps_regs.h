/* Cadence UART (Zynq-7000 PS UART0/UART1, UG585 chapter 19 and appendix B): register map
 * shared by the C console driver and the SystemC model. Byte offsets from the UART base
 * (UART1 = 0xE000_1000 on the MiniZed console). */
#ifndef HW_UART_PS_REGS_H
#define HW_UART_PS_REGS_H

#define UART_PS_SPAN_BYTES 0x1000u
#define UART_PS_FIFO_DEPTH 64u /* TX and RX FIFOs, characters each */

/* Byte offsets. */
#define UART_PS_CR 0x00u      /* control */
#define UART_PS_MR 0x04u      /* mode: clock source, character format */
#define UART_PS_IER 0x08u     /* interrupt enable (write-only: sets IMR bits) */
#define UART_PS_IDR 0x0Cu     /* interrupt disable (write-only: clears IMR bits) */
#define UART_PS_IMR 0x10u     /* interrupt mask (read-only) */
#define UART_PS_ISR 0x14u     /* channel interrupt status (write 1 to clear) */
#define UART_PS_BAUDGEN 0x18u /* baud rate generator: CD, bits [15:0] */
#define UART_PS_RXTOUT 0x1Cu  /* receiver timeout */
#define UART_PS_RXWM 0x20u    /* receiver FIFO trigger level */
#define UART_PS_MODEMCR 0x24u /* modem control */
#define UART_PS_MODEMSR 0x28u /* modem status */
#define UART_PS_SR 0x2Cu      /* channel status (read-only) */
#define UART_PS_FIFO 0x30u    /* TX FIFO (write) / RX FIFO (read), bits [7:0] */
#define UART_PS_BAUDDIV 0x34u /* baud rate divider: BDIV, bits [7:0] */
#define UART_PS_FLOWDEL 0x38u /* flow control delay */
#define UART_PS_TXWM 0x44u    /* transmitter FIFO trigger level */

/* CR bits. RXRST, TXRST and RSTTO clear themselves. */
#define UART_PS_CR_RXRST (1u << 0)
#define UART_PS_CR_TXRST (1u << 1)
#define UART_PS_CR_RXEN (1u << 2)
#define UART_PS_CR_RXDIS (1u << 3)
#define UART_PS_CR_TXEN (1u << 4)
#define UART_PS_CR_TXDIS (1u << 5)
#define UART_PS_CR_RSTTO (1u << 6)
#define UART_PS_CR_STTBRK (1u << 7)
#define UART_PS_CR_STPBRK (1u << 8)
#define UART_PS_CR_SELF_CLEARING (UART_PS_CR_RXRST | UART_PS_CR_TXRST | UART_PS_CR_RSTTO)

/* MR fields. */
#define UART_PS_MR_CLKS (1u << 0) /* 1: baud generator clocked by uart_ref_clk / 8 */
#define UART_PS_MR_CHRL_SHIFT 1u  /* 11: 6 bits, 10: 7 bits, 0x: 8 bits */
#define UART_PS_MR_CHRL_MASK (3u << UART_PS_MR_CHRL_SHIFT)
#define UART_PS_MR_PAR_SHIFT 3u   /* 1xx: no parity, else one parity bit */
#define UART_PS_MR_PAR_MASK (7u << UART_PS_MR_PAR_SHIFT)
#define UART_PS_MR_PAR_NONE (4u << UART_PS_MR_PAR_SHIFT)
#define UART_PS_MR_NBSTOP_SHIFT 6u /* 00: 1, 01: 1.5, 10: 2 stop bits */
#define UART_PS_MR_NBSTOP_MASK (3u << UART_PS_MR_NBSTOP_SHIFT)

/* SR bits (raw, continuous status). */
#define UART_PS_SR_RTRIG (1u << 0)
#define UART_PS_SR_RXEMPTY (1u << 1)
#define UART_PS_SR_RXFULL (1u << 2)
#define UART_PS_SR_TXEMPTY (1u << 3)
#define UART_PS_SR_TXFULL (1u << 4)
#define UART_PS_SR_RACTIVE (1u << 10)
#define UART_PS_SR_TACTIVE (1u << 11)
#define UART_PS_SR_FDELT (1u << 12)
#define UART_PS_SR_TTRIG (1u << 13)
#define UART_PS_SR_TNFUL (1u << 14) /* only one byte free in the TX FIFO */

/* ISR / IMR / IER / IDR bits (sticky events). */
#define UART_PS_IXR_RTRIG (1u << 0)
#define UART_PS_IXR_RXEMPTY (1u << 1)
#define UART_PS_IXR_RXFULL (1u << 2)
#define UART_PS_IXR_TXEMPTY (1u << 3)
#define UART_PS_IXR_TXFULL (1u << 4)
#define UART_PS_IXR_RXOVR (1u << 5)
#define UART_PS_IXR_FRAME (1u << 6)
#define UART_PS_IXR_PARITY (1u << 7)
#define UART_PS_IXR_TOUT (1u << 8)
#define UART_PS_IXR_DMS (1u << 9)
#define UART_PS_IXR_TTRIG (1u << 10)
#define UART_PS_IXR_TNFUL (1u << 11)
#define UART_PS_IXR_TOVR (1u << 12)
#define UART_PS_IXR_MASK 0x1FFFu

/* Hardware reset values (UG585 appendix B). */
#define UART_PS_RESET_CR 0x00000128u /* RX and TX disabled, STPBRK */
#define UART_PS_RESET_MR 0x00000000u
#define UART_PS_RESET_BAUDGEN 0x0000028Bu
#define UART_PS_RESET_RXWM 0x00000020u
#define UART_PS_RESET_BAUDDIV 0x0000000Fu
#define UART_PS_RESET_TXWM 0x00000020u

/* What the first-stage boot loader (ps7_init) leaves for the console: 100 MHz
 * uart_ref_clk / (CD 124 x (BDIV 6 + 1)) = 115207 Bd, 8 data bits, no parity, 1 stop bit,
 * RX and TX enabled. A standalone-BSP program never reprograms the UART. */
#define UART_PS_FSBL_CR (UART_PS_CR_RXEN | UART_PS_CR_TXEN)
#define UART_PS_FSBL_MR UART_PS_MR_PAR_NONE
#define UART_PS_FSBL_BAUDGEN 124u
#define UART_PS_FSBL_BAUDDIV 6u

#endif
