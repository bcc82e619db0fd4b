/* Console output on the Zynq PS UART (Cadence UART), polled, as Xilinx's standalone BSP
 * does it: wait while the TX FIFO is full, then write the character. Freestanding C99,
 * no libc: only the HAL's 32-bit register access (software/hal/hal.h).
 *
 * The UART is used as the first-stage boot loader left it (115200 Bd 8N1, enabled):
 * uart_console_init() records the base and does not reprogram the baud rate. Characters
 * go out as given: no '\n' to "\r\n" translation (write "\r\n" for a terminal). */
#ifndef UART_CONSOLE_H
#define UART_CONSOLE_H

#include <stdarg.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The UART's base address (UART1 on the MiniZed: 0xE000_1000). */
void uart_console_init(uint32_t base);
void uart_console_putc(char c);
void uart_console_puts(const char *s);

/* A small printf: %d %i %u %x %X %c %s %p %%, length modifiers l and ll (%ld %lu %llu
 * %lx ...), a field width, '0' (zero padding, numbers only) and '-' (left-justify). An
 * unknown conversion is printed as written. Returns the number of characters sent. */
int uart_printf(const char *format, ...);
int uart_vprintf(const char *format, va_list args);

#ifdef __cplusplus
}
#endif

#endif
