/* Entry of edgedrnn_bench.elf: the polled benchmark, unmodified, on the Cortex-A9. */
#include "software/apps/edgedrnn_bench/edgedrnn_bench.h"
#include "software/bsp/bsp.h"

int main(void) { return edgedrnn_bench_main(bsp_boot_argument()); }
