/* The newlib system calls a bare-metal program needs: console output on the MiniZed's
 * UART1 (polled, as Xilinx's outbyte), a heap between the linker script's __heap_start and
 * __heap_end, and _exit. Files do not exist: reads return end of file. */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>

#include "software/hal/hal.h"
#include "software/include/hw/uart_ps_regs.h"

#undef errno
extern int errno;

/* XPAR_PS7_UART_1_BASEADDR: the MiniZed's console. */
#define BSP_CONSOLE_UART 0xE0001000u

extern char __heap_start[], __heap_end[];

uint32_t bsp_boot_r0; /* written by start.S */

uint32_t bsp_boot_argument(void) { return bsp_boot_r0; }

int _write(int fd, const char *buf, int len) {
    int i;
    (void)fd;
    for (i = 0; i < len; ++i) {
        while (hal_read32(BSP_CONSOLE_UART + UART_PS_SR) & UART_PS_SR_TXFULL) {
        }
        hal_write32(BSP_CONSOLE_UART + UART_PS_FIFO, (uint32_t)(unsigned char)buf[i]);
    }
    return len;
}

void *_sbrk(int increment) {
    static char *brk = __heap_start;
    char *const previous = brk;
    if ((increment > 0 && increment > __heap_end - brk) || (increment < 0 && -increment > brk - __heap_start)) {
        errno = ENOMEM;
        return (void *)-1;
    }
    brk += increment;
    return previous;
}

/* Under vp the ISS stops the run at this function's first instruction with r0 as the
 * exit status. On the board there is nowhere to return to: sleep. */
void _exit(int status) {
    (void)status;
    for (;;) __asm__ volatile("wfi");
}

/* newlib's init/fini array walkers call these; the linker script has no .init/.fini. */
void _init(void) {}
void _fini(void) {}

int _read(int fd, char *buf, int len) {
    (void)fd;
    (void)buf;
    (void)len;
    return 0;
}
int _close(int fd) {
    (void)fd;
    return -1;
}
int _fstat(int fd, struct stat *st) {
    (void)fd;
    st->st_mode = S_IFCHR;
    return 0;
}
int _isatty(int fd) {
    (void)fd;
    return 1;
}
int _lseek(int fd, int offset, int whence) {
    (void)fd;
    (void)offset;
    (void)whence;
    return 0;
}
int _kill(int pid, int sig) {
    (void)pid;
    (void)sig;
    errno = EINVAL;
    return -1;
}
int _getpid(void) { return 1; }
