/* GIC set-up and IRQ dispatch for one Cortex-A9 core (register map: gic_regs.h). */
#include <stddef.h>

#include "software/bsp/bsp.h"
#include "software/hal/hal.h"
#include "software/include/hw/gic_regs.h"

#define DIST GIC_ZYNQ_DIST_BASE
#define CPU GIC_ZYNQ_CPU_BASE
#define DEFAULT_PRIORITY 0xA0u
#define PRIORITY_MASK 0xF0u

static struct {
    bsp_irq_handler handler;
    void *context;
} g_handlers[GIC_NUM_IDS];

void bsp_gic_init(void) {
    uint32_t id;
    hal_write32(DIST + GIC_ICDDCR, 0);
    for (id = 0; id < GIC_NUM_IDS; id += 32) hal_write32(DIST + GIC_ICDICER(id / 32), 0xFFFFFFFFu);
    for (id = 0; id < GIC_NUM_IDS; id += 4) hal_write32(DIST + GIC_ICDIPR + id, DEFAULT_PRIORITY * 0x01010101u);
    for (id = 32; id < GIC_NUM_IDS; id += 4) hal_write32(DIST + GIC_ICDIPTR + id, 0x01010101u); /* CPU 0 */
    hal_write32(DIST + GIC_ICDDCR, 1);
    hal_write32(CPU + GIC_ICCPMR, PRIORITY_MASK);
    hal_write32(CPU + GIC_ICCICR, 1);
}

void bsp_irq_connect(uint32_t id, bsp_irq_handler handler, void *context) {
    if (id >= GIC_NUM_IDS) return;
    g_handlers[id].handler = handler;
    g_handlers[id].context = context;
    hal_write32(DIST + GIC_ICDISER(id / 32), 1u << (id % 32));
}

void bsp_irq_disconnect(uint32_t id) {
    if (id >= GIC_NUM_IDS) return;
    hal_write32(DIST + GIC_ICDICER(id / 32), 1u << (id % 32));
    g_handlers[id].handler = NULL;
}

void bsp_irq_dispatch(void) {
    const uint32_t iar = hal_read32(CPU + GIC_ICCIAR);
    const uint32_t id = iar & GIC_ID_MASK;
    if (id >= GIC_NUM_IDS) return; /* spurious: no EOI */
    if (g_handlers[id].handler) g_handlers[id].handler(g_handlers[id].context);
    hal_write32(CPU + GIC_ICCEOIR, iar);
}

void bsp_wait_flag(volatile int *flag) {
    bsp_irq_disable();
    while (!*flag) {
        __asm__ volatile("dsb\n\twfi" ::: "memory");
        /* The pending IRQ is taken here; isb ends the instruction block so it is taken
         * before the mask is set again. */
        __asm__ volatile("cpsie i\n\tisb\n\tcpsid i" ::: "memory");
    }
    bsp_irq_enable();
}
