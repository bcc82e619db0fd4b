/* HAL services on top of the per-target primitives: identical on every target. */
#include "software/hal/hal.h"

#include "software/drivers/uart/uart_console.h"
#include "software/include/hw/a9_global_timer_regs.h"

static hal_platform g_platform;

void hal_init(const hal_platform *platform) {
    g_platform = *platform;
    uart_console_init(g_platform.uart_base);
    /* Enable the global timer (the BSP writes 0 then 1 to the control register). */
    hal_write32(g_platform.timer_base + A9_GTIMER_CONTROL, 0);
    hal_write32(g_platform.timer_base + A9_GTIMER_CONTROL, A9_GTIMER_CONTROL_ENABLE);
}

void hal_putc(char c) { uart_console_putc(c); }

uint64_t hal_timer_ticks(void) {
    uint32_t high, low;
    do {
        high = hal_read32(g_platform.timer_base + A9_GTIMER_COUNTER_HIGH);
        low = hal_read32(g_platform.timer_base + A9_GTIMER_COUNTER_LOW);
    } while (hal_read32(g_platform.timer_base + A9_GTIMER_COUNTER_HIGH) != high);
    return ((uint64_t)high << 32) | low;
}

uint32_t hal_timer_hz(void) { return g_platform.timer_hz; }
