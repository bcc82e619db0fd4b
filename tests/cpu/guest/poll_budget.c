/* A poll budget on a register that never changes (tests/support/stuck_register.h, at
 * 0x43C0_0000 in tests/cpu/arm_bench.h): r0 = the budget; exit status 0 when the loop
 * ran out of it, 1 when the register read non-zero. */
#include <stdint.h>

#include "software/bsp/bsp.h"
#include "software/hal/hal.h"

int main(void) {
    const uint32_t budget = bsp_boot_argument();
    uint32_t polls;
    for (polls = 0; polls < budget; ++polls)
        if (hal_read32(0x43C00000u) != 0) break;
    return polls == budget ? 0 : 1;
}
