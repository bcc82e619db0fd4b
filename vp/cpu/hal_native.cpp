// The HAL primitives for the native CPU: each forwards to the NativeCpu whose thread is
// running the program (software/hal/hal.h). Only this file and the board's HAL differ
// between targets.
#include "software/hal/hal.h"

#include "vp/cpu/native_cpu.h"

extern "C" {

uint32_t hal_read32(uint32_t addr) { return vp::NativeCpu::current().read32(addr); }
void hal_write32(uint32_t addr, uint32_t value) { vp::NativeCpu::current().write32(addr, value); }
void hal_dcache_flush_range(uint32_t addr, uint32_t bytes) {
    vp::NativeCpu::current().cache_maintenance(addr, bytes);
}
void hal_dcache_invalidate_range(uint32_t addr, uint32_t bytes) {
    vp::NativeCpu::current().cache_maintenance(addr, bytes);
}
void* hal_phys_to_ptr(uint32_t addr, uint32_t bytes) {
    return vp::NativeCpu::current().phys_to_ptr(addr, bytes);
}
void hal_exit(int status) { vp::NativeCpu::current().exit(status); }

}  // extern "C"
