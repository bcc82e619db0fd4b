// The Cadence UART model seen through its socket as a driver sees it, and the C console
// driver (software/drivers/uart) running over it through a small HAL shim.
#include <gtest/gtest.h>

#include "tests/support/bus_master.h"

#include <climits>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "peripherals/uart/cadence_uart.h"
#include "software/include/hw/uart_ps_regs.h"
#include "vp/config/config.h"
#include "vp/stats/stats.h"

// The console driver is compiled into this test with its HAL calls renamed: the bench below
// serves them, without clashing with the native CPU's HAL (vp/cpu/hal_native.cpp) or the
// firmware library's copy of the driver, which may be linked into the same executable.
#define hal_read32 uart_test_hal_read32
#define hal_write32 uart_test_hal_write32
#define uart_console_init uart_test_console_init
#define uart_console_putc uart_test_console_putc
#define uart_console_puts uart_test_console_puts
#define uart_printf uart_test_printf
#define uart_vprintf uart_test_vprintf
#include "software/drivers/uart/uart_console.c"

using sc_core::sc_time;
using sc_core::SC_NS;
using sc_core::SC_PS;
using sc_core::SC_US;
using sc_core::SC_ZERO_TIME;

namespace {

constexpr uint32_t kUartBase = 0xE0001000;

using Bench = vp_test::BusMaster;


struct UartBench {
    vp::Stats stats;
    zynq::CadenceUart uart;
    Bench bench{"bench"};
    explicit UartBench(const zynq::CadenceUartParams& params) : uart("uart1", params, stats) {
        bench.socket.bind(uart.socket);
    }
};

zynq::CadenceUartParams quiet_params(bool baud_timing) {
    zynq::CadenceUartParams p;
    p.echo = false;
    p.model_baud_timing = baud_timing;
    return p;
}

// 10 bits at 100 MHz / (124 x 7): the boot loader's 115207 Bd.
const sc_time kCharTime = sc_time(86800, SC_NS);

// The HAL shim: the driver's register accesses go through the bench's socket at the UART's
// physical address, each costing 100 ns of CPU time (so a polling loop advances time).
Bench* g_hal_bench = nullptr;
const sc_time kHalAccessTime = sc_time(100, SC_NS);

}  // namespace

extern "C" uint32_t uart_test_hal_read32(uint32_t addr) {
    const uint32_t v = g_hal_bench->read(addr - kUartBase);
    sc_core::wait(kHalAccessTime);
    return v;
}

extern "C" void uart_test_hal_write32(uint32_t addr, uint32_t value) {
    g_hal_bench->write(addr - kUartBase, value);
    sc_core::wait(kHalAccessTime);
}

// ------------------------------------------------------------------------ the model

TEST(Uart, StartsAsTheBootLoaderLeavesIt) {
    UartBench b(quiet_params(false));
    std::vector<uint32_t> v;
    b.bench.script([&] {
        for (uint32_t off : {UART_PS_CR, UART_PS_MR, UART_PS_BAUDGEN, UART_PS_BAUDDIV, UART_PS_RXWM,
                             UART_PS_TXWM, UART_PS_SR, UART_PS_FIFO, UART_PS_IMR, UART_PS_ISR})
            v.push_back(b.bench.read(off));
    });
    sc_core::sc_start();
    ASSERT_EQ(v.size(), 10u);
    EXPECT_EQ(v[0], UART_PS_CR_RXEN | UART_PS_CR_TXEN);
    EXPECT_EQ(v[1], 0x20u);  // 8 bits, no parity, 1 stop bit
    EXPECT_EQ(v[2], 124u);
    EXPECT_EQ(v[3], 6u);
    EXPECT_EQ(v[4], 0x20u);
    EXPECT_EQ(v[5], 0x20u);
    EXPECT_EQ(v[6], UART_PS_SR_TXEMPTY | UART_PS_SR_RXEMPTY);  // ready, nothing received
    EXPECT_EQ(v[7], 0u);                                       // the empty RX FIFO reads 0
    EXPECT_EQ(v[8], 0u);
    EXPECT_EQ(v[9], 0u);
    EXPECT_EQ(b.uart.character_time(), kCharTime);
}

TEST(Uart, PrintsLinesWithThePrefixAndKeepsEveryCharacter) {
    zynq::CadenceUartParams p;
    UartBench b(p);  // default prefix "[uart1]"
    std::vector<std::string> lines;
    b.uart.on_line([&](const std::string& line) { lines.push_back(line); });
    std::vector<uint32_t> status;
    const std::string text = "Hello, MiniZed\r\nstep 1\n\nno newline";
    b.bench.script([&] {
        for (char c : text) {
            b.bench.write(UART_PS_FIFO, static_cast<unsigned char>(c));
            status.push_back(b.bench.read(UART_PS_SR));
        }
    });
    testing::internal::CaptureStdout();
    sc_core::sc_start();
    b.uart.flush();
    const std::string out = testing::internal::GetCapturedStdout();
    EXPECT_EQ(out, "[uart1] Hello, MiniZed\n[uart1] step 1\n[uart1] \n[uart1] no newline\n");
    EXPECT_EQ(b.uart.transmitted(), text);
    EXPECT_EQ(lines, (std::vector<std::string>{"Hello, MiniZed", "step 1", "", "no newline"}));
    EXPECT_EQ(b.stats.value("uart1.tx_chars"), static_cast<double>(text.size()));
    // Without baud timing the characters leave at once: never full, always empty again.
    for (uint32_t s : status) EXPECT_EQ(s, UART_PS_SR_TXEMPTY | UART_PS_SR_RXEMPTY);
}

TEST(Uart, FromResetTheTransmitterHoldsCharactersUntilEnabled) {
    zynq::CadenceUartParams p = quiet_params(false);
    p.boot_configured = false;
    UartBench b(p);
    uint32_t cr = 0, baudgen = 0, bauddiv = 0, sr_held = 0, sr_after = 0;
    std::string before;
    b.bench.script([&] {
        cr = b.bench.read(UART_PS_CR);
        baudgen = b.bench.read(UART_PS_BAUDGEN);
        bauddiv = b.bench.read(UART_PS_BAUDDIV);
        b.bench.write(UART_PS_FIFO, 'o');
        b.bench.write(UART_PS_FIFO, 'k');
        sr_held = b.bench.read(UART_PS_SR);
        before = b.uart.transmitted();
        // The Xilinx driver's enable: clear the disable bits, set RXEN | TXEN (read-modify-
        // write); then a receiver reset, whose bit clears itself.
        const uint32_t c = b.bench.read(UART_PS_CR) & ~(UART_PS_CR_TXDIS | UART_PS_CR_RXDIS);
        b.bench.write(UART_PS_CR, c | UART_PS_CR_TXEN | UART_PS_CR_RXEN);
        b.bench.write(UART_PS_CR, b.bench.read(UART_PS_CR) | UART_PS_CR_RXRST);
        sr_after = b.bench.read(UART_PS_SR);
        cr = cr << 16 | b.bench.read(UART_PS_CR);
    });
    sc_core::sc_start();
    EXPECT_EQ(cr, (UART_PS_RESET_CR << 16) | UART_PS_CR_STPBRK | UART_PS_CR_TXEN | UART_PS_CR_RXEN);
    EXPECT_EQ(baudgen, UART_PS_RESET_BAUDGEN);
    EXPECT_EQ(bauddiv, UART_PS_RESET_BAUDDIV);
    EXPECT_EQ(sr_held, UART_PS_SR_RXEMPTY);  // two characters wait: not empty
    EXPECT_EQ(before, "");
    EXPECT_EQ(sr_after, UART_PS_SR_TXEMPTY | UART_PS_SR_RXEMPTY);
    EXPECT_EQ(b.uart.transmitted(), "ok");
}

TEST(Uart, BaudTimingFillsTheFifoAndDrainsItOneCharacterTimeApart) {
    UartBench b(quiet_params(true));
    const sc_time T = kCharTime;
    const sc_time ps(1, SC_PS);
    uint32_t full = 0, still_full = 0, freed = 0, before_empty = 0, empty = 0, shifting_last = 0,
             idle = 0, isr = 0;
    b.bench.script([&] {
        // 65 characters at time 0: one enters the shift register, 64 fill the FIFO.
        for (int i = 0; i < 65; ++i) b.bench.write(UART_PS_FIFO, 'a' + i % 26);
        full = b.bench.read(UART_PS_SR);
        b.bench.write(UART_PS_FIFO, '!');  // lost: the FIFO is full
        isr = b.bench.read(UART_PS_ISR);
        // Closed form: the k-th character (from 0) is shifted during [k T, (k + 1) T).
        still_full = b.bench.read(UART_PS_SR, T - ps);
        freed = b.bench.read(UART_PS_SR, T);
        before_empty = b.bench.read(UART_PS_SR, 64 * T - ps);
        empty = b.bench.read(UART_PS_SR, 64 * T);
        shifting_last = b.bench.read(UART_PS_SR, 65 * T - ps);
        idle = b.bench.read(UART_PS_SR, 65 * T);
    });
    sc_core::sc_start();
    const uint32_t kRx = UART_PS_SR_RXEMPTY;
    EXPECT_EQ(full, kRx | UART_PS_SR_TXFULL | UART_PS_SR_TNFUL | UART_PS_SR_TTRIG | UART_PS_SR_TACTIVE);
    EXPECT_EQ(isr & UART_PS_IXR_TOVR, UART_PS_IXR_TOVR);
    EXPECT_EQ(b.stats.value("uart1.tx_overflows"), 1.0);
    EXPECT_EQ(b.stats.value("uart1.tx_chars"), 65.0);
    EXPECT_EQ(b.uart.transmitted().size(), 65u);
    EXPECT_EQ(still_full & UART_PS_SR_TXFULL, UART_PS_SR_TXFULL);
    EXPECT_EQ(freed, kRx | UART_PS_SR_TNFUL | UART_PS_SR_TTRIG | UART_PS_SR_TACTIVE);  // 63 queued
    EXPECT_EQ(before_empty, kRx | UART_PS_SR_TACTIVE);  // one waiting in the FIFO
    EXPECT_EQ(empty, kRx | UART_PS_SR_TXEMPTY | UART_PS_SR_TACTIVE);
    EXPECT_EQ(shifting_last, kRx | UART_PS_SR_TXEMPTY | UART_PS_SR_TACTIVE);
    EXPECT_EQ(idle, kRx | UART_PS_SR_TXEMPTY);
}

TEST(Uart, CharacterTimeFollowsModeAndBaudRegisters) {
    UartBench b(quiet_params(true));
    sc_time t_8e2, t_7n1_div8;
    b.bench.script([&] {
        // 8 data bits, even parity, 2 stop bits: 12 bits; CD 62 x (BDIV 6 + 1) = 230414 Bd.
        b.bench.write(UART_PS_MR, 2u << UART_PS_MR_NBSTOP_SHIFT);
        b.bench.write(UART_PS_BAUDGEN, 62);
        t_8e2 = b.uart.character_time();
        // 7 data bits, no parity, 1 stop bit, clock / 8, CD 10, BDIV 4: 9 bits.
        b.bench.write(UART_PS_MR, UART_PS_MR_CLKS | (2u << UART_PS_MR_CHRL_SHIFT) | UART_PS_MR_PAR_NONE);
        b.bench.write(UART_PS_BAUDGEN, 10);
        b.bench.write(UART_PS_BAUDDIV, 4);
        t_7n1_div8 = b.uart.character_time();
    });
    sc_core::sc_start();
    EXPECT_EQ(t_8e2, sc_time(12 * 62 * 7 * 10, SC_NS));      // bits x cycles per bit x 10 ns
    EXPECT_EQ(t_7n1_div8, sc_time(9 * 8 * 10 * 5 * 10, SC_NS));
}

TEST(Uart, InterruptMaskAndStickyStatus) {
    UartBench b(quiet_params(false));
    uint32_t imr = 0, ier_read = 0, isr = 0, isr_cleared = 0;
    bool irq_on = false, irq_off = true;
    b.bench.script([&] {
        b.bench.write(UART_PS_IER, UART_PS_IXR_TXEMPTY | UART_PS_IXR_TOVR);
        b.bench.write(UART_PS_IDR, UART_PS_IXR_TOVR);
        imr = b.bench.read(UART_PS_IMR);
        ier_read = b.bench.read(UART_PS_IER);
        b.bench.write(UART_PS_FIFO, 'x');  // leaves at once: TXEMPTY event
        isr = b.bench.read(UART_PS_ISR);
        irq_on = b.uart.irq.level();
        b.bench.write(UART_PS_ISR, UART_PS_IXR_TXEMPTY);
        isr_cleared = b.bench.read(UART_PS_ISR);
        irq_off = b.uart.irq.level();
    });
    sc_core::sc_start();
    EXPECT_EQ(imr, UART_PS_IXR_TXEMPTY);
    EXPECT_EQ(ier_read, 0u);
    EXPECT_EQ(isr, UART_PS_IXR_TXEMPTY);
    EXPECT_TRUE(irq_on);
    EXPECT_EQ(isr_cleared, 0u);
    EXPECT_FALSE(irq_off);
}

TEST(Uart, ParamsComeFromConfig) {
    vp::ConfigSchema schema;
    zynq::CadenceUartParams::declare(schema);
    vp::Config config(schema);
    zynq::CadenceUartParams d = zynq::CadenceUartParams::from_config(config);
    EXPECT_EQ(d.clock_hz, 100e6);
    EXPECT_FALSE(d.model_baud_timing);
    EXPECT_TRUE(d.echo);
    EXPECT_EQ(d.prefix, "[uart1]");
    config.set_assignment("uart1.model_baud_timing=true");
    config.set_assignment("uart1.prefix=");
    config.set_assignment("uart1.clock_hz=50000000");
    zynq::CadenceUartParams p = zynq::CadenceUartParams::from_config(config);
    EXPECT_TRUE(p.model_baud_timing);
    EXPECT_EQ(p.prefix, "");
    EXPECT_EQ(p.clock_hz, 50e6);
}

// ---------------------------------------------------------------- the C console driver

TEST(UartConsoleDriver, FormatsLikePrintf) {
    UartBench b(quiet_params(false));
    g_hal_bench = &b.bench;
    int count = 0;
    b.bench.script([&] {
        uart_test_console_init(kUartBase);
        count = uart_test_printf("%d %i %u %x %X %c %s|%%|", -42, 7, 4000000000u, 0xBEEFu, 0xBEEFu, 'z', "str");
        uart_test_printf("%ld %lu %llu %lld %llx|", -2147483647L - 1, 4294967295UL,
                         18446744073709551615ULL, LLONG_MIN, 0x123456789ABCDEFULL);
        uart_test_printf("[%5d][%-5d][%05d][%05d][%3s][%-3s][%03lu][%8x][%08X][%2c]",
                         42, 42, 42, -42, "a", "b", 7UL, 0xABCu, 0xABCu, 'q');
        uart_test_printf("[%d][%s][%q]\r\n", 0, (const char*)nullptr);
        uart_test_console_puts("done\r\n");
    });
    sc_core::sc_start();
    const std::string first = "-42 7 4000000000 beef BEEF z str|%|";
    EXPECT_EQ(count, static_cast<int>(first.size()));
    EXPECT_EQ(b.uart.transmitted(),
              first +
                  "-2147483648 4294967295 18446744073709551615 -9223372036854775808 123456789abcdef|"
                  "[   42][42   ][00042][-0042][  a][b  ][007][     abc][00000ABC][ q]"
                  "[0][(null)][%q]\r\ndone\r\n");
}

TEST(UartConsoleDriver, PollsTxFullSoNothingIsLostAtTheBaudRate) {
    UartBench b(quiet_params(true));
    g_hal_bench = &b.bench;
    std::string expected;
    sc_time end;
    b.bench.script([&] {
        uart_test_console_init(kUartBase);
        for (int i = 0; i < 20; ++i) uart_test_printf("line %02d: 0123456789\r\n", i);
        end = sc_core::sc_time_stamp();
    });
    for (int i = 0; i < 20; ++i) {
        char line[32];
        std::snprintf(line, sizeof line, "line %02d: 0123456789\r\n", i);
        expected += line;
    }
    sc_core::sc_start();
    EXPECT_EQ(b.uart.transmitted(), expected);
    EXPECT_EQ(b.stats.value("uart1.tx_overflows"), 0.0);
    // 440 characters: the writer is held back to the line rate once 65 are queued, so it
    // finishes when character 440 - 65 has left, within one character time and an access.
    const sc_time paced = static_cast<double>(expected.size() - 65) * kCharTime;
    EXPECT_GE(end, paced);
    EXPECT_LE(end, paced + kCharTime + 2 * kHalAccessTime);
}
