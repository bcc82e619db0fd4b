/* The interrupt path without a device: an SPI made pending by software in the GIC is
 * taken by hand by the ISS (IRQ mode, banked SP and LR, vector 0x18), handled, ended, and
 * the program resumes. Exit status: handled count x 10 + checks (0 = all good -> 20). */
#include <stdint.h>

#include "software/bsp/bsp.h"
#include "software/hal/hal.h"
#include "software/include/hw/gic_regs.h"

#define TEST_ID 70u

static volatile int g_count, g_flag;

static void handler(void *context) {
    ++*(volatile int *)context;
    g_flag = 1;
}

int main(void) {
    volatile double value = 1.5; /* live in VFP registers across the interrupt */
    int bad = 0;
    bsp_gic_init();
    bsp_irq_connect(TEST_ID, handler, (void *)&g_count);
    /* 1: pending while masked, taken once unmasked inside bsp_wait_flag (WFI wakes on it). */
    hal_write32(GIC_ZYNQ_DIST_BASE + GIC_ICDISPR(TEST_ID / 32), 1u << (TEST_ID % 32));
    bsp_wait_flag(&g_flag);
    /* 2: taken while running with IRQs enabled. */
    g_flag = 0;
    bsp_irq_enable();
    hal_write32(GIC_ZYNQ_DIST_BASE + GIC_ICDISPR(TEST_ID / 32), 1u << (TEST_ID % 32));
    while (!g_flag) {
    }
    bsp_irq_disable();
    if (value != 1.5) bad += 1;
    if (hal_read32(GIC_ZYNQ_DIST_BASE + GIC_ICDABR(TEST_ID / 32)) & (1u << (TEST_ID % 32))) bad += 2; /* EOI done */
    return g_count * 10 + bad;
}
