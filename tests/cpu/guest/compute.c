/* A compute-bound guest: integer and floating-point work on registers and the stack, no
 * device access. r0 = iterations; exit status = a checksum the test recomputes. */
#include <stdint.h>

#include "software/bsp/bsp.h"

uint32_t guest_checksum(uint32_t iterations);

uint32_t guest_checksum(uint32_t iterations) {
    uint32_t x = 12345u, sum = 0, i;
    float f = 1.0f;
    for (i = 0; i < iterations; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        sum += x;
        f = f * 0.5f + 1.0f;  /* converges to 2: exercises the VFP enabled by start.S */
    }
    return (sum ^ (uint32_t)f) & 0x7Fu;
}

int main(void) { return (int)guest_checksum(bsp_boot_argument()); }
