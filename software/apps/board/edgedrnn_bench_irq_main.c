/* Entry of edgedrnn_bench_irq.elf: the interrupt-driven benchmark on the Cortex-A9. */
#include "software/apps/edgedrnn_bench_irq/edgedrnn_bench_irq.h"
#include "software/bsp/bsp.h"

int main(void) { return edgedrnn_bench_irq_main(bsp_boot_argument()); }
