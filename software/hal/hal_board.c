/* The HAL primitives on the board (and on the ARM ISS, which runs the same binary):
 * device registers are volatile 32-bit accesses, CPU pointers equal physical addresses,
 * and cache maintenance is what Xil_DCacheFlushRange / Xil_DCacheInvalidateRange do: L1
 * by virtual address through CP15, the PL310 L2 by physical address, then a cache sync.
 * Built only for the Cortex-A9 (never into the host's firmware_native). */
#include "software/hal/hal.h"

#define L1_LINE_BYTES 32u
#define PL310_BASE 0xF8F02000u       /* XPS_L2CC_BASEADDR */
#define PL310_CACHE_SYNC 0x730u
#define PL310_INV_PA 0x770u
#define PL310_CLEAN_INV_PA 0x7F0u

void _exit(int status);

uint32_t hal_read32(uint32_t addr) { return *(volatile uint32_t *)(uintptr_t)addr; }

void hal_write32(uint32_t addr, uint32_t value) { *(volatile uint32_t *)(uintptr_t)addr = value; }

static void l2_sync(void) {
    hal_write32(PL310_BASE + PL310_CACHE_SYNC, 0);
    while (hal_read32(PL310_BASE + PL310_CACHE_SYNC) & 1u) {
    }
}

void hal_dcache_flush_range(uint32_t addr, uint32_t bytes) {
    uint32_t line;
    const uint32_t end = addr + bytes;
    if (bytes == 0) return;
    for (line = addr & ~(L1_LINE_BYTES - 1u); line < end; line += L1_LINE_BYTES) {
        __asm__ volatile("mcr p15, 0, %0, c7, c14, 1" ::"r"(line) : "memory"); /* DCCIMVAC */
        hal_write32(PL310_BASE + PL310_CLEAN_INV_PA, line);
    }
    __asm__ volatile("dsb" ::: "memory");
    l2_sync();
}

void hal_dcache_invalidate_range(uint32_t addr, uint32_t bytes) {
    uint32_t line;
    const uint32_t end = addr + bytes;
    if (bytes == 0) return;
    /* Lines only partly in the range hold other data: clean them first (as Xilinx does). */
    if (addr & (L1_LINE_BYTES - 1u)) hal_dcache_flush_range(addr & ~(L1_LINE_BYTES - 1u), 1);
    if (end & (L1_LINE_BYTES - 1u)) hal_dcache_flush_range(end & ~(L1_LINE_BYTES - 1u), 1);
    for (line = addr & ~(L1_LINE_BYTES - 1u); line < end; line += L1_LINE_BYTES) {
        hal_write32(PL310_BASE + PL310_INV_PA, line); /* outer first, so L1 refills clean data */
        __asm__ volatile("mcr p15, 0, %0, c7, c6, 1" ::"r"(line) : "memory"); /* DCIMVAC */
    }
    __asm__ volatile("dsb" ::: "memory");
    l2_sync();
}

void *hal_phys_to_ptr(uint32_t addr, uint32_t bytes) {
    (void)bytes;
    return (void *)(uintptr_t)addr;
}

void hal_exit(int status) { _exit(status); }
