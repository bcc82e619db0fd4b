/* Polled console output on the Cadence UART and a libc-free printf (see the header). */
#include "software/drivers/uart/uart_console.h"

#include "software/hal/hal.h"
#include "software/include/hw/uart_ps_regs.h"

static uint32_t g_uart_base;

void uart_console_init(uint32_t base) { g_uart_base = base; }

void uart_console_putc(char c) {
    /* The FIFO takes 64 characters; a write into a full FIFO would be lost (TOVR). */
    while (hal_read32(g_uart_base + UART_PS_SR) & UART_PS_SR_TXFULL) {
    }
    hal_write32(g_uart_base + UART_PS_FIFO, (uint32_t)(unsigned char)c);
}

void uart_console_puts(const char *s) {
    while (*s) uart_console_putc(*s++);
}

/* ------------------------------------------------------------------------- printf */

typedef struct {
    int left;       /* '-' */
    int zero;       /* '0' */
    unsigned width;
} field_spec;

static int pad(unsigned count, char c) {
    unsigned i;
    for (i = 0; i < count; ++i) uart_console_putc(c);
    return (int)count;
}

/* Sends text of `length` characters in the field, after an optional sign or prefix. */
static int put_field(const field_spec *f, const char *prefix, const char *text, unsigned length) {
    unsigned prefix_length = 0, used, fill, i;
    int n = 0;
    while (prefix[prefix_length]) ++prefix_length;
    used = prefix_length + length;
    fill = f->width > used ? f->width - used : 0;
    if (!f->left && !f->zero) n += pad(fill, ' ');
    for (i = 0; i < prefix_length; ++i) uart_console_putc(prefix[i]);
    n += (int)prefix_length;
    if (!f->left && f->zero) n += pad(fill, '0');  /* zeros go after the sign */
    for (i = 0; i < length; ++i) uart_console_putc(text[i]);
    n += (int)length;
    if (f->left) n += pad(fill, ' ');
    return n;
}

/* Digits of value in base 10 or 16, written backwards from the buffer's end; returns
 * the first digit. 32-bit values take the 32-bit path: a 64-bit division is a library
 * call on the Cortex-A9. */
static char *format_unsigned(unsigned long long value, unsigned base, int upper, char *end) {
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = end;
    if (base == 16) {
        do {
            *--p = digits[value & 0xF];
            value >>= 4;
        } while (value);
    } else if (value <= 0xFFFFFFFFull) {
        uint32_t v = (uint32_t)value;
        do {
            *--p = digits[v % 10u];
            v /= 10u;
        } while (v);
    } else {
        do {
            *--p = digits[value % 10u];
            value /= 10u;
        } while (value);
    }
    return p;
}

int uart_vprintf(const char *format, va_list args) {
    char buffer[24]; /* 2^64 - 1 has 20 decimal digits */
    char *const end = buffer + sizeof buffer;
    int n = 0;
    const char *p;
    for (p = format; *p; ++p) {
        field_spec f = {0, 0, 0};
        int longs = 0;
        const char *start = p;
        if (*p != '%') {
            uart_console_putc(*p);
            ++n;
            continue;
        }
        ++p;
        for (;; ++p) {
            if (*p == '-') f.left = 1;
            else if (*p == '0') f.zero = 1;
            else break;
        }
        while (*p >= '0' && *p <= '9') f.width = f.width * 10u + (unsigned)(*p++ - '0');
        while (*p == 'l' && longs < 2) {
            ++longs;
            ++p;
        }
        switch (*p) {
        case 'd':
        case 'i': {
            long long v = longs == 2 ? va_arg(args, long long)
                          : longs == 1 ? (long long)va_arg(args, long)
                                       : (long long)va_arg(args, int);
            /* Negate in unsigned arithmetic: -LLONG_MIN does not exist. */
            unsigned long long magnitude = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
            char *digits = format_unsigned(magnitude, 10, 0, end);
            n += put_field(&f, v < 0 ? "-" : "", digits, (unsigned)(end - digits));
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            unsigned long long v = longs == 2 ? va_arg(args, unsigned long long)
                                   : longs == 1 ? (unsigned long long)va_arg(args, unsigned long)
                                                : (unsigned long long)va_arg(args, unsigned);
            char *digits = format_unsigned(v, *p == 'u' ? 10 : 16, *p == 'X', end);
            n += put_field(&f, "", digits, (unsigned)(end - digits));
            break;
        }
        case 'p': {
            char *digits = format_unsigned((unsigned long long)(uintptr_t)va_arg(args, void *), 16, 0, end);
            n += put_field(&f, "0x", digits, (unsigned)(end - digits));
            break;
        }
        case 'c': {
            char c = (char)va_arg(args, int);
            f.zero = 0;
            n += put_field(&f, "", &c, 1);
            break;
        }
        case 's': {
            const char *s = va_arg(args, const char *);
            unsigned length = 0;
            if (!s) s = "(null)";
            while (s[length]) ++length;
            f.zero = 0;
            n += put_field(&f, "", s, length);
            break;
        }
        case '%':
            uart_console_putc('%');
            ++n;
            break;
        default: { /* unknown: show what was written, up to here */
            const char *q;
            for (q = start; q <= p && *q; ++q) {
                uart_console_putc(*q);
                ++n;
            }
            if (!*p) return n;
            break;
        }
        }
    }
    return n;
}

int uart_printf(const char *format, ...) {
    va_list args;
    int n;
    va_start(args, format);
    n = uart_vprintf(format, args);
    va_end(args);
    return n;
}
