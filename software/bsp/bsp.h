/* Board support for bare-metal programs on the MiniZed's Cortex-A9 (built with
 * arm-none-eabi-gcc, see cmake/ArmFirmware.cmake): start code, exception vectors, newlib
 * system calls, the GIC and IRQ dispatch. The program's entry is `int main(void)`; its
 * return value goes to exit() and from there to _exit(), which ends a vp run with that
 * status (on the board, _exit sleeps forever). */
#ifndef BSP_H
#define BSP_H

#include <stdint.h>

/* r0 at the entry point. vp passes the job descriptor's address there
 * (software/include/vp_job.h); on the board it is whatever the boot loader left. */
uint32_t bsp_boot_argument(void);

/* ---- interrupts (GIC distributor and CPU interface 0, software/bsp/gic.c) ---- */
typedef void (*bsp_irq_handler)(void *context);

/* Resets the GIC: every ID disabled, priority 0xA0, SPIs targeted at CPU 0; both
 * interfaces enabled with priority mask 0xF0. */
void bsp_gic_init(void);
/* Calls handler(context) for interrupt `id` (below GIC_NUM_IDS) and enables the ID. */
void bsp_irq_connect(uint32_t id, bsp_irq_handler handler, void *context);
void bsp_irq_disconnect(uint32_t id);
/* The IRQ vector's C part: acknowledge, call the handler, end of interrupt. */
void bsp_irq_dispatch(void);

static inline void bsp_irq_enable(void) { __asm__ volatile("cpsie i" ::: "memory"); }
static inline void bsp_irq_disable(void) { __asm__ volatile("cpsid i" ::: "memory"); }

/* Sleeps (WFI) until *flag is non-zero, without the race of a flag set between the test
 * and the WFI: IRQs are masked around the test, and WFI wakes on a masked interrupt too. */
void bsp_wait_flag(volatile int *flag);

#endif
