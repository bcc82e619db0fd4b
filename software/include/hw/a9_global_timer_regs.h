/* Cortex-A9 MPCore global timer (ARM DDI 0407, section 4.4; Zynq UG585 section 8.2): register
 * map shared by the HAL and the SystemC model. Byte offsets from the timer's base
 * (0xF8F0_0200 on the Zynq-7000: SCU block + 0x200). The 64-bit counter runs at the
 * peripheral clock, CPU clock / 2 on the Zynq. */
#ifndef HW_A9_GLOBAL_TIMER_REGS_H
#define HW_A9_GLOBAL_TIMER_REGS_H

#define A9_GTIMER_SPAN_BYTES 0x100u

/* Byte offsets. */
#define A9_GTIMER_COUNTER_LOW 0x00u     /* counter bits [31:0] */
#define A9_GTIMER_COUNTER_HIGH 0x04u    /* counter bits [63:32]; read high, low, high */
#define A9_GTIMER_CONTROL 0x08u
#define A9_GTIMER_ISR 0x0Cu             /* event flag, write 1 to clear */
#define A9_GTIMER_COMPARATOR_LOW 0x10u  /* comparator bits [31:0] */
#define A9_GTIMER_COMPARATOR_HIGH 0x14u /* comparator bits [63:32] */
#define A9_GTIMER_AUTO_INCREMENT 0x18u  /* added to the comparator at each match */

/* CONTROL fields. The counter may only be written while ENABLE is clear. */
#define A9_GTIMER_CONTROL_ENABLE (1u << 0)
#define A9_GTIMER_CONTROL_COMP_ENABLE (1u << 1)
#define A9_GTIMER_CONTROL_IRQ_ENABLE (1u << 2)
#define A9_GTIMER_CONTROL_AUTO_INCREMENT (1u << 3)
#define A9_GTIMER_CONTROL_PRESCALER_SHIFT 8u /* the clock is divided by PRESCALER + 1 */
#define A9_GTIMER_CONTROL_PRESCALER_MASK (0xFFu << A9_GTIMER_CONTROL_PRESCALER_SHIFT)
#define A9_GTIMER_CONTROL_MASK (0xFu | A9_GTIMER_CONTROL_PRESCALER_MASK)

/* ISR fields. */
#define A9_GTIMER_ISR_EVENT (1u << 0)

#endif
