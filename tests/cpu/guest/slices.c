/* Slice ends everywhere: with a quantum of a few instructions the ISS ends a slice at
 * nearly every block start, also right after device accesses. A non-leaf function saves
 * registers on the stack (push/pop) around a device round trip, and a running checksum
 * depends on every step: an instruction run twice or skipped on resuming changes the
 * checksum or moves the stack pointer. r0 = iterations; exit status = checksum & 0x7F,
 * or 0xFF when the stack pointer moved. */
#include <stdint.h>

#include "software/bsp/bsp.h"
#include "software/hal/hal.h"
#include "software/include/hw/gic_regs.h"

uint32_t guest_device(uint32_t i) __attribute__((noinline));
uint32_t guest_step(uint32_t i, uint32_t acc) __attribute__((noinline));

/* The GIC's binary point register stores 3 bits: a device write and read back. */
uint32_t guest_device(uint32_t i) {
    hal_write32(GIC_ZYNQ_CPU_BASE + GIC_ICCBPR, i & 7u);
    return hal_read32(GIC_ZYNQ_CPU_BASE + GIC_ICCBPR);
}

/* acc and i live across the call: the prologue pushes them with the return address. */
uint32_t guest_step(uint32_t i, uint32_t acc) {
    const uint32_t device = guest_device(i);
    return (acc * 31u + device + i) ^ (acc >> 3);
}

int main(void) {
    const uint32_t n = bsp_boot_argument();
    uint32_t acc = 1u, i, sp_before, sp_after;
    __asm__ volatile("mov %0, sp" : "=r"(sp_before));
    for (i = 0; i < n; ++i) acc = guest_step(i, acc);
    __asm__ volatile("mov %0, sp" : "=r"(sp_after));
    if (sp_after != sp_before) return 0xFF;
    return (int)(acc & 0x7Fu);
}
