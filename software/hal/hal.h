/* The hardware abstraction layer: the only code that differs between the board, the
 * native CPU of the virtual platform (the "ISS stub") and the ARM ISS.
 *
 * Primitives (one implementation per target: hal_native.cpp in vp/cpu/, later a board
 * one): 32-bit bus access, data-cache maintenance, physical address to CPU pointer, exit.
 * Services built on the primitives, identical everywhere (hal_common.c): the console
 * character out (Cadence UART) and the Cortex-A9 global timer. Addresses are physical
 * bus addresses; on the board a CPU pointer equals the physical address. */
#ifndef HAL_H
#define HAL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- primitives (per target) ---- */
uint32_t hal_read32(uint32_t addr);
void hal_write32(uint32_t addr, uint32_t value);
/* Clean and invalidate (Xil_DCacheFlushRange) / invalidate a data-cache range. */
void hal_dcache_flush_range(uint32_t addr, uint32_t bytes);
void hal_dcache_invalidate_range(uint32_t addr, uint32_t bytes);
/* CPU pointer to `bytes` of physical memory at addr (RAM only), or NULL. */
void *hal_phys_to_ptr(uint32_t addr, uint32_t bytes);
/* Ends the program with a status (0 = success); does not return. */
void hal_exit(int status);

/* ---- services (hal_common.c, same source on every target) ---- */
typedef struct {
    uint32_t uart_base;        /* Cadence UART used as the console */
    uint32_t timer_base;       /* Cortex-A9 global timer (SCU + 0x200) */
    uint32_t timer_hz;         /* its count rate: CPU clock / 2 */
} hal_platform;

void hal_init(const hal_platform *platform);
void hal_putc(char c);
/* 64-bit global timer count, read high-low-high until stable (as XTime_GetTime). */
uint64_t hal_timer_ticks(void);
uint32_t hal_timer_hz(void);

#ifdef __cplusplus
}
#endif

#endif
