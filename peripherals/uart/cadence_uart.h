// The Zynq-7000 PS UART (Cadence UART, UG585 chapter 19), the part a console uses: the
// configuration registers stored with their reset values, the channel status register,
// and a 64-entry TX FIFO whose characters appear on the terminal (stdout) line by line
// behind a prefix ("[uart1] text") and are kept for tests (transmitted()).
//
//   socket   APB target; addresses are offsets from the UART's base (the platform's)
//   irq      interrupt output: (ISR & IMR) != 0
//
// Power-on state: as the first-stage boot loader leaves the console (115200 Bd 8N1, RX and
// TX enabled; software/include/hw/uart_ps_regs.h, UART_PS_FSBL_*), because a standalone-BSP
// program never configures it. `boot_configured = false` starts from the hardware reset
// values instead (TX disabled: characters wait in the FIFO until TXEN).
//
// TX timing (uart1.model_baud_timing):
//   false (default) characters leave at once: TXEMPTY stays 1, TXFULL never sets, and a
//                   polling driver costs one status read per character.
//   true            each character occupies the transmitter for (start + data + parity +
//                   stop bits) / baud, with baud = clk / (CLKS ? 8 : 1) / (CD x (BDIV + 1))
//                   from MR, BAUDGEN and BAUDDIV as they are when the character is written
//                   (10 bits at 115207 Bd = 86.8 us). The FIFO holds 64 characters besides
//                   the one being shifted out; TXFULL, TNFUL, TTRIG, TXEMPTY and TACTIVE
//                   follow in closed form from those departure times.
//
// Simplifications (and their limits):
// - Status is evaluated when the bus looks (at the access's time, sc_time_stamp() + its
//   annotated delay); no SystemC event is scheduled, so the ISR's TXEMPTY event and the
//   irq output change only at bus accesses. Only TXEMPTY and TOVR are raised in the ISR.
// - A character is printed (and appended to transmitted()) when the transmitter accepts
//   it, not when its stop bit leaves; a TX reset (CR.TXRST) drops queued characters from
//   the FIFO status but cannot take back what was printed, and disabling the transmitter
//   holds only characters written after it (those already queued still leave).
// - The receiver is idle: RX FIFO empty (reads 0), no receive timeout, modem lines quiet.
// - A write to a full FIFO is lost, sets ISR.TOVR and is counted and warned about (once).
// - Accesses take no time of their own: the interconnect's hop latency is the APB's.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "vp/common/irq_line.h"
#include "vp/common/register_bank.h"

namespace vp {
class Stats;
class ConfigSchema;
class Config;
}  // namespace vp

namespace zynq {

struct CadenceUartParams {
    double clock_hz = 100e6;          // uart_ref_clk
    bool model_baud_timing = false;   // see the header comment
    bool echo = true;                 // print completed lines to stdout
    std::string prefix = "[uart1]";   // printed with a space before every line ("" = none)
    bool boot_configured = true;      // FSBL state (true) or hardware reset values (false)

    // Keys uart1.clock_hz, uart1.model_baud_timing, uart1.echo, uart1.prefix,
    // uart1.boot_configured.
    static void declare(vp::ConfigSchema& schema);
    static CadenceUartParams from_config(const vp::Config& config);
};

class CadenceUart : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<CadenceUart> socket;
    vp::IrqLine irq;

    CadenceUart(sc_core::sc_module_name name, const CadenceUartParams& params, vp::Stats& stats);
    ~CadenceUart() override;  // prints a last unterminated line

    // Every character the transmitter accepted, in order ('\r' included).
    const std::string& transmitted() const { return transmitted_; }
    // Called with every completed line (without '\n' and '\r'), echo or not.
    void on_line(std::function<void(const std::string&)> sink) { line_sink_ = std::move(sink); }
    // Hands a pending unterminated line to the sink and the terminal.
    void flush();

    // Time one character occupies the transmitter at the current settings (zero when the
    // baud generator is stopped, CD = 0).
    sc_core::sc_time character_time() const;

    // Registers, for inspection by tests and the platform.
    vp::RegisterBank bank;
    vp::Register cr, mr, ier, idr, imr, isr, baudgen, rxtout, rxwm, modemcr, modemsr, sr, fifo,
        bauddiv, flowdel, txwm;

private:
    struct Departure {
        sc_core::sc_time start;  // enters the shift register
        sc_core::sc_time end;    // stop bit done
    };

    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void bind_callbacks();
    void write_control(uint32_t value);
    void write_tx_fifo(uint8_t ch);
    bool transmitter_running() const;
    void start_pending();               // hands FIFO characters waiting for TXEN to the shifter
    void transmit(uint8_t ch);          // the character is on its way: print and time it
    void retire(const sc_core::sc_time& now);  // drops departures finished by `now`
    unsigned fifo_level() const;        // characters waiting in the FIFO (not shifting)
    bool shifting() const;
    uint32_t status() const;
    void update_interrupts();
    void emit(char ch);
    void end_line();
    void print_line() const;

    CadenceUartParams params_;
    sc_core::sc_time now_;              // time of the access being served
    std::deque<Departure> in_flight_;   // timed mode: shifting + queued characters
    std::deque<uint8_t> held_;          // characters waiting for the transmitter (TX disabled)
    bool was_empty_ = true;             // for the TXEMPTY event
    // SR's change event (a polling hint): at the next start or end of a departure after a
    // read of SR, and at any write (which may start, stop or fill the transmitter).
    sc_core::sc_event status_change_;

    std::string transmitted_;
    std::string line_;
    std::function<void(const std::string&)> line_sink_;

    uint64_t tx_chars_ = 0;
    uint64_t tx_overflows_ = 0;
};

}  // namespace zynq
