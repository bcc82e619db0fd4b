/* Guest faults, chosen by r0: 1 undefined instruction, 2 read of an address no device
 * answers, 3 instruction fetch from a device window, 4 write to it, 5 exit(42). */
#include <stdint.h>
#include <stdlib.h>

#include "software/bsp/bsp.h"
#include "software/hal/hal.h"

#define NO_DEVICE 0x50000000u

int main(void) {
    switch (bsp_boot_argument()) {
    case 1: __asm__ volatile(".word 0xE7F000F0"); break; /* UDF #0 */
    case 2: return (int)hal_read32(NO_DEVICE + 0x10);
    case 3: ((void (*)(void))NO_DEVICE)(); break;
    case 4: hal_write32(NO_DEVICE + 0x20, 1); break;
    case 5: exit(42);
    default: break;
    }
    return 0;
}
