#include "peripherals/uart/cadence_uart.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "software/include/hw/uart_ps_regs.h"
#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/stats/stats.h"

namespace zynq {

using sc_core::sc_time;

// ------------------------------------------------------------------------- parameters

void CadenceUartParams::declare(vp::ConfigSchema& s) {
    s.add_uint("uart1.clock_hz", 100000000, "Hz", "UART reference clock (uart_ref_clk); the baud rate divides it", 1e3, 1e10);
    s.add_bool("uart1.model_baud_timing", false,
               "drain the TX FIFO at the programmed baud rate (TXFULL becomes real); false = characters leave at once");
    s.add_bool("uart1.echo", true, "print the console's lines to stdout");
    s.add_string("uart1.prefix", "[uart1]", "tag printed (with a space) before every console line; empty = none");
    s.add_bool("uart1.boot_configured", true,
               "start as the first-stage boot loader leaves the console (115200 Bd 8N1, enabled); false = hardware reset values");
}

CadenceUartParams CadenceUartParams::from_config(const vp::Config& c) {
    CadenceUartParams p;
    p.clock_hz = static_cast<double>(c.get_uint("uart1.clock_hz"));
    p.model_baud_timing = c.get_bool("uart1.model_baud_timing");
    p.echo = c.get_bool("uart1.echo");
    p.prefix = c.get_string("uart1.prefix");
    p.boot_configured = c.get_bool("uart1.boot_configured");
    return p;
}

// ----------------------------------------------------------------------------- module

CadenceUart::CadenceUart(sc_core::sc_module_name name, const CadenceUartParams& params,
                         vp::Stats& stats)
    : sc_module(name),
      socket("socket"),
      // 12 address bits decoded; offsets without a register read 0 and ignore writes.
      bank(basename(), UART_PS_SPAN_BYTES - 1, /*unmapped_is_error=*/false),
      cr(bank, "CR", UART_PS_CR, params.boot_configured ? UART_PS_FSBL_CR : UART_PS_RESET_CR),
      mr(bank, "MR", UART_PS_MR, params.boot_configured ? UART_PS_FSBL_MR : UART_PS_RESET_MR),
      ier(bank, "IER", UART_PS_IER, 0),
      idr(bank, "IDR", UART_PS_IDR, 0),
      imr(bank, "IMR", UART_PS_IMR, 0),
      isr(bank, "ISR", UART_PS_ISR, 0),
      baudgen(bank, "BAUDGEN", UART_PS_BAUDGEN,
              params.boot_configured ? UART_PS_FSBL_BAUDGEN : UART_PS_RESET_BAUDGEN),
      rxtout(bank, "RXTOUT", UART_PS_RXTOUT, 0),
      rxwm(bank, "RXWM", UART_PS_RXWM, UART_PS_RESET_RXWM),
      modemcr(bank, "MODEMCR", UART_PS_MODEMCR, 0),
      modemsr(bank, "MODEMSR", UART_PS_MODEMSR, 0),
      sr(bank, "SR", UART_PS_SR, 0),
      fifo(bank, "FIFO", UART_PS_FIFO, 0),
      bauddiv(bank, "BAUDDIV", UART_PS_BAUDDIV,
              params.boot_configured ? UART_PS_FSBL_BAUDDIV : UART_PS_RESET_BAUDDIV),
      flowdel(bank, "FLOWDEL", UART_PS_FLOWDEL, 0),
      txwm(bank, "TXWM", UART_PS_TXWM, UART_PS_RESET_TXWM),
      params_(params) {
    socket.register_b_transport(this, &CadenceUart::b_transport);
    bind_callbacks();
    const std::string n = basename();
    stats.add_counter(n + ".tx_chars", &tx_chars_, "chars", "characters the transmitter accepted");
    stats.add_counter(n + ".tx_overflows", &tx_overflows_, "chars",
                      "characters lost to a write into a full TX FIFO (ISR.TOVR)");
}

CadenceUart::~CadenceUart() {
    // The last words of a program often lack a newline; show them rather than lose them.
    if (params_.echo && !line_.empty()) print_line();
}

void CadenceUart::bind_callbacks() {
    // Stored registers keep only their implemented bits.
    auto stored = [](vp::Register& reg, uint32_t mask) {
        reg.on_write([&reg, mask](uint32_t v) { reg.set(v & mask); });
    };
    stored(rxtout, 0xFF);
    stored(rxwm, 0x3F);
    stored(modemcr, 0x23);
    stored(flowdel, 0x3F);
    stored(txwm, 0x3F);
    mr.on_write([this](uint32_t v) { mr.set(v & 0x3FF); });
    // A new baud setting (CD = 0 stops the generator) may let waiting characters go.
    baudgen.on_write([this](uint32_t v) { baudgen.set(v & 0xFFFF); start_pending(); });
    bauddiv.on_write([this](uint32_t v) {
        if ((v & 0xFF) < 4)
            vp::log_warning(basename(), "BAUDDIV = " + std::to_string(v & 0xFF) +
                                            " is outside 4..255 (UG585): the baud rate is undefined");
        bauddiv.set(v & 0xFF);
    });
    cr.on_write([this](uint32_t v) { write_control(v); });

    // Interrupt mask: IER sets and IDR clears IMR bits (both write-only, read 0); IMR is
    // read-only.
    ier.on_write([this](uint32_t v) { imr.set(imr.value() | (v & UART_PS_IXR_MASK)); });
    idr.on_write([this](uint32_t v) { imr.set(imr.value() & ~v); });
    ier.on_read([] { return 0u; });
    idr.on_read([] { return 0u; });
    imr.on_write([](uint32_t) {});
    isr.on_write([this](uint32_t v) { isr.set(isr.value() & ~v); });  // write 1 to clear

    modemsr.on_write([](uint32_t) {});
    sr.on_write([](uint32_t) {});
    sr.on_read([this] {
        // The next time SR changes by itself: the shifter starts or ends a character.
        if (!in_flight_.empty()) {
            const sc_time next = in_flight_.front().start > now_ ? in_flight_.front().start : in_flight_.front().end;
            status_change_.notify(next - sc_core::sc_time_stamp());
        }
        return status();
    });
    sr.set_change_event(&status_change_);
    fifo.on_write([this](uint32_t v) { write_tx_fifo(static_cast<uint8_t>(v)); });
    fifo.on_read([] { return 0u; });  // the receiver is idle: an empty RX FIFO reads 0
}

// ------------------------------------------------------------------------ bus target

void CadenceUart::b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
    // The access happens at the initiator's local time; status follows from it.
    now_ = sc_core::sc_time_stamp() + delay;
    retire(now_);
    bank.transport(trans);
    update_interrupts();
    if (trans.is_write()) status_change_.notify(delay);  // (a poller learns of it at once)
}

// ----------------------------------------------------------------------- transmitter

void CadenceUart::write_control(uint32_t v) {
    if (v & UART_PS_CR_TXRST) {
        // The FIFO empties; the character being shifted out finishes.
        held_.clear();
        while (!in_flight_.empty() && in_flight_.back().start > now_) in_flight_.pop_back();
    }
    cr.set(v & 0x1FF & ~UART_PS_CR_SELF_CLEARING);
    start_pending();
}

bool CadenceUart::transmitter_running() const {
    const uint32_t c = cr.value();
    return (c & UART_PS_CR_TXEN) && !(c & UART_PS_CR_TXDIS) && (baudgen.value() & 0xFFFF) != 0;
}

sc_time CadenceUart::character_time() const {
    const uint32_t m = mr.value();
    const uint32_t chrl = (m & UART_PS_MR_CHRL_MASK) >> UART_PS_MR_CHRL_SHIFT;
    const uint64_t data_bits = chrl == 3 ? 6 : chrl == 2 ? 7 : 8;
    const uint64_t parity_bits = (m & UART_PS_MR_PAR_MASK) >= UART_PS_MR_PAR_NONE ? 0 : 1;
    const uint32_t nbstop = (m & UART_PS_MR_NBSTOP_MASK) >> UART_PS_MR_NBSTOP_SHIFT;
    const uint64_t stop_half_bits = nbstop == 1 ? 3 : nbstop == 2 ? 4 : 2;  // 1.5 stop bits exist
    const uint64_t half_bits = 2 * (1 + data_bits + parity_bits) + stop_half_bits;
    const uint64_t cd = baudgen.value() & 0xFFFF;
    if (cd == 0) return sc_core::SC_ZERO_TIME;
    const uint64_t ref_cycles_per_bit = ((m & UART_PS_MR_CLKS) ? 8 : 1) * cd * ((bauddiv.value() & 0xFF) + 1);
    // time = half_bits / 2 x cycles_per_bit / clock_hz, in resolution units, exactly
    // rounded down (128-bit: the product exceeds 64 bits for slow settings).
    const double resolution_s = sc_core::sc_get_time_resolution().to_seconds();
    const auto units_per_s = static_cast<unsigned __int128>(1.0 / resolution_s + 0.5);
    const auto clock = static_cast<unsigned __int128>(params_.clock_hz + 0.5);
    const unsigned __int128 units = units_per_s * half_bits * ref_cycles_per_bit / (2 * clock);
    return sc_time::from_value(static_cast<uint64_t>(units));
}

void CadenceUart::retire(const sc_time& now) {
    while (!in_flight_.empty() && in_flight_.front().end <= now) in_flight_.pop_front();
}

bool CadenceUart::shifting() const {
    return !in_flight_.empty() && in_flight_.front().start <= now_;
}

unsigned CadenceUart::fifo_level() const {
    return static_cast<unsigned>(held_.size() + in_flight_.size() - (shifting() ? 1 : 0));
}

void CadenceUart::write_tx_fifo(uint8_t ch) {
    if (fifo_level() >= UART_PS_FIFO_DEPTH) {
        ++tx_overflows_;
        isr.set(isr.value() | UART_PS_IXR_TOVR);
        vp::log_warning_once(basename(), "tx_overflow",
                             "character written into a full TX FIFO is lost (ISR.TOVR); a driver "
                             "must wait while SR.TXFULL is set (reported once)");
        return;
    }
    if (!transmitter_running() || !held_.empty()) {
        held_.push_back(ch);
        vp::log_warning_once(basename(), "tx_disabled",
                             "character written while the transmitter is disabled (CR.TXEN/TXDIS) "
                             "or the baud generator stopped (BAUDGEN = 0): it waits in the TX FIFO "
                             "(reported once)");
        return;
    }
    transmit(ch);
}

void CadenceUart::start_pending() {
    if (!transmitter_running()) return;
    while (!held_.empty()) {
        transmit(held_.front());
        held_.pop_front();
    }
}

void CadenceUart::transmit(uint8_t ch) {
    emit(static_cast<char>(ch));
    if (!params_.model_baud_timing) {
        isr.set(isr.value() | UART_PS_IXR_TXEMPTY);  // the FIFO emptied at once
        return;
    }
    const sc_time start = in_flight_.empty() ? now_ : std::max(now_, in_flight_.back().end);
    in_flight_.push_back({start, start + character_time()});
}

uint32_t CadenceUart::status() const {
    const unsigned level = fifo_level();
    const unsigned trigger = txwm.value() & 0x3F;  // 0 disables the trigger
    uint32_t s = UART_PS_SR_RXEMPTY;               // the receiver is idle
    if (level == 0) s |= UART_PS_SR_TXEMPTY;
    if (level >= UART_PS_FIFO_DEPTH) s |= UART_PS_SR_TXFULL;
    if (level >= UART_PS_FIFO_DEPTH - 1) s |= UART_PS_SR_TNFUL;
    if (trigger != 0 && level >= trigger) s |= UART_PS_SR_TTRIG;
    if (shifting()) s |= UART_PS_SR_TACTIVE;
    return s;
}

void CadenceUart::update_interrupts() {
    const bool empty = fifo_level() == 0;
    if (empty && !was_empty_) isr.set(isr.value() | UART_PS_IXR_TXEMPTY);
    was_empty_ = empty;
    irq.set((isr.value() & imr.value()) != 0);
}

// -------------------------------------------------------------------------- terminal

void CadenceUart::emit(char ch) {
    ++tx_chars_;
    transmitted_.push_back(ch);
    if (ch == '\r') return;  // terminals pair it with '\n'; a line ends at '\n'
    if (ch != '\n') {
        line_.push_back(ch);
        return;
    }
    end_line();
}

void CadenceUart::flush() {
    if (!line_.empty()) end_line();
}

void CadenceUart::end_line() {
    if (params_.echo) print_line();
    if (line_sink_) line_sink_(line_);
    line_.clear();
}

void CadenceUart::print_line() const {
    // One write per line, flushed: lines stay whole between the simulator's own messages.
    const std::string text = params_.prefix.empty() ? line_ + "\n" : params_.prefix + " " + line_ + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

}  // namespace zynq
