#include "peripherals/axi_dma/axi_dma.h"

#include <algorithm>
#include <sstream>

#include "software/include/hw/axi_dma_regs.h"
#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/interconnect/axi_extension.h"
#include "vp/stats/stats.h"

namespace axi_dma {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

namespace {

// The AXI-Lite slave decodes s_axi_lite_awaddr[9:0]: the window aliases every 1 KiB.
constexpr uint32_t kAddressMask = 0x3FF;

bool is_power_of_two(uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }

void require_power_of_two(const vp::Config& c, const std::string& key) {
    const uint64_t v = c.get_uint(key);
    if (!is_power_of_two(v))
        throw vp::ConfigError(c.origin(key) + ": " + key + " = " + std::to_string(v) +
                              " must be a power of two (AXI data widths and burst lengths are)");
}

std::string hex(uint64_t v) {
    std::ostringstream os;
    os << "0x" << std::hex << v;
    return os.str();
}

}  // namespace

// ------------------------------------------------------------------------- parameters

void AxiDmaParams::declare(vp::ConfigSchema& s) {
    s.add_uint("axi_dma.clock_hz", 125000000, "Hz", "AXI DMA clock (the PL clock on the MiniZed)", 1e6, 1e10);
    s.add_uint("axi_dma.length_width_bits", 23, "bits",
               "width of the buffer length registers (PG021: 8..26); the largest transfer is 2^width - 1 bytes",
               AXI_DMA_LENGTH_WIDTH_MIN, AXI_DMA_LENGTH_WIDTH_MAX);
    s.add_uint("axi_dma.mm_data_width_bytes", 8, "bytes",
               "memory-map data width (8 = 64-bit HP port); without DRE addresses must be aligned to it", 4, 128);
    s.add_uint("axi_dma.stream_width_bytes", 16, "bytes",
               "AXI-Stream data width (16 = EdgeDRNN's 128-bit streams)", 1, 128);
    s.add_uint("axi_dma.max_burst_beats", 16, "beats",
               "memory-map burst length; the interconnect port of the DMA splits transfers into such bursts", 2, 256);
    s.add_bool("axi_dma.has_dre", false, "data realignment engine built in (allows byte-aligned addresses)");
    s.add_uint("axi_dma.register_access_cycles", 2, "cycles", "AXI-Lite register slave latency", 0, 100);
    s.add_uint("axi_dma.soft_reset_cycles", 16, "cycles",
               "cycles a soft reset (DMACR.Reset) takes; the bit reads back 1 meanwhile", 1, 100000);
}

AxiDmaParams AxiDmaParams::from_config(const vp::Config& c) {
    for (const char* key : {"axi_dma.mm_data_width_bytes", "axi_dma.stream_width_bytes", "axi_dma.max_burst_beats"})
        require_power_of_two(c, key);
    AxiDmaParams p;
    p.clock_hz = static_cast<double>(c.get_uint("axi_dma.clock_hz"));
    p.length_width_bits = static_cast<unsigned>(c.get_uint("axi_dma.length_width_bits"));
    p.mm_data_width_bytes = static_cast<unsigned>(c.get_uint("axi_dma.mm_data_width_bytes"));
    p.stream_width_bytes = static_cast<unsigned>(c.get_uint("axi_dma.stream_width_bytes"));
    p.max_burst_beats = static_cast<unsigned>(c.get_uint("axi_dma.max_burst_beats"));
    p.has_dre = c.get_bool("axi_dma.has_dre");
    p.register_access_cycles = static_cast<unsigned>(c.get_uint("axi_dma.register_access_cycles"));
    p.soft_reset_cycles = static_cast<unsigned>(c.get_uint("axi_dma.soft_reset_cycles"));
    return p;
}

// ----------------------------------------------------------------------------- module

AxiDma::AxiDma(sc_core::sc_module_name name, const AxiDmaParams& params, vp::Stats& stats)
    : sc_module(name),
      axil("axil"),
      m_axi_mm2s("m_axi_mm2s"),
      m_axis_mm2s("m_axis_mm2s"),
      s_axis_s2mm("s_axis_s2mm"),
      m_axi_s2mm("m_axi_s2mm"),
      params_(params),
      period_(sc_time(1.0 / params.clock_hz, sc_core::SC_SEC)),
      bank_(basename(), kAddressMask, /*unmapped_is_error=*/false),
      mm2s_(bank_, Direction::Mm2s, basename(),
            ChannelLimits{params.length_width_bits, params.mm_data_width_bytes, params.has_dre, period_},
            access_time_, mm2s_introut,
            ChannelHooks{[this](uint32_t a, uint32_t n) { start_mm2s(a, n); }, [this] { soft_reset(); },
                         [this] { return reset_in_progress(); }}),
      s2mm_(bank_, Direction::S2mm, basename(),
            ChannelLimits{params.length_width_bits, params.mm_data_width_bytes, params.has_dre, period_},
            access_time_, s2mm_introut,
            ChannelHooks{[this](uint32_t a, uint32_t n) { arm_s2mm(a, n); }, [this] { soft_reset(); },
                         [this] { return reset_in_progress(); }}) {
    axil.register_b_transport(this, &AxiDma::axil_b_transport);
    s_axis_s2mm.register_b_transport(this, &AxiDma::s2mm_b_transport);
    // The MM2S and S2MM memory masters (PG021): INCR bursts, AxCACHE = 0011 (the core's
    // default), QoS 0; separate AXI IDs as on their separate ports.
    vp::attach_axi_extension(mm2s_read_, "axi_dma.mm2s", 0).cache = 0x3;
    vp::attach_axi_extension(s2mm_write_, "axi_dma.s2mm", 1).cache = 0x3;
    // The stream payload owns its AXI-Stream extension for good: a transfer the stream
    // target never completes (the simulation ended while it stalled) must not leave the
    // payload pointing at storage it would free.
    mm2s_axis_ = new vp::AxisExtension;
    mm2s_stream_.set_extension(mm2s_axis_);

    SC_HAS_PROCESS(AxiDma);
    SC_THREAD(mm2s_thread);
    // Publishes a completion (Idle, IOC_Irq, interrupt line) when its time comes, for
    // observers that do not read the registers (the interrupt controller).
    SC_METHOD(mm2s_settle);
    sensitive << mm2s_.completion_event();
    dont_initialize();
    SC_METHOD(s2mm_settle);
    sensitive << s2mm_.completion_event();
    dont_initialize();

    const std::string n = basename();
    for (const Channel* ch : {&mm2s_, &s2mm_}) {
        const std::string dir = ch->direction() == Direction::Mm2s ? "mm2s" : "s2mm";
        const std::string up = direction_name(ch->direction());
        const ChannelCounters& c = ch->counters();
        stats.add_counter(n + "." + dir + ".transfers", &c.transfers, "", up + " transfers completed without error");
        stats.add_counter(n + "." + dir + ".bytes", &c.bytes, "bytes", "bytes moved by those transfers");
        stats.add_counter(n + "." + dir + ".errors", &c.errors, "",
                          up + " transfers ended by an error (DMAIntErr, DMASlvErr, DMADecErr)");
        stats.add_counter(n + "." + dir + ".ignored_starts", &c.ignored, "",
                          up + "_LENGTH writes without effect (channel halted or busy)");
        stats.add_counter(n + "." + dir + ".busy_cycles", &c.busy_cycles, "cycles",
                          up + " cycles from LENGTH write to completion, summed over transfers");
    }
    stats.add_counter(n + ".s2mm.wait_cycles", &s2mm_wait_cycles_, "cycles",
                      "cycles the S2MM stream sender waited because S2MM_LENGTH was not yet written");
    stats.add_counter(n + ".s2mm.overflows", &s2mm_overflows_, "",
                      "S2MM packets longer than the buffer (DMAIntErr; excess dropped)");
}

sc_time AxiDma::until(const sc_time& at) const {
    const sc_time now = sc_core::sc_time_stamp();
    return at > now ? at - now : SC_ZERO_TIME;
}

void AxiDma::hard_reset() {
    reset_channels();
    reset_done_at_ = SC_ZERO_TIME;
}

void AxiDma::soft_reset() {
    reset_channels();
    reset_done_at_ = access_time_ + cycles(params_.soft_reset_cycles);
}

void AxiDma::reset_channels() {
    mm2s_.reset();
    s2mm_.reset();
    mm2s_job_.pending = false;
    mm2s_start_.cancel();
    s2mm_buffer_.armed = false;  // a sender waiting for TREADY keeps waiting
}

// ------------------------------------------------------------------------- registers

void AxiDma::axil_b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
    // Everything this access does happens when the slave answers it.
    delay += cycles(params_.register_access_cycles);
    access_time_ = sc_core::sc_time_stamp() + delay;
    if (trans.is_write() && reset_in_progress()) {
        vp::log_warning(name(), "register write at offset " + hex(trans.get_address() & kAddressMask) +
                                    " during a soft reset ignored; poll DMACR.Reset until it reads 0 first");
        trans.set_response_status(tlm::TLM_OK_RESPONSE);
        return;
    }
    bank_.transport(trans);
}

void AxiDma::start_mm2s(uint32_t address, uint32_t length_bytes) {
    mm2s_job_ = Mm2sJob{true, address, length_bytes, access_time_, mm2s_.generation()};
    mm2s_start_.notify(until(access_time_));
}

void AxiDma::arm_s2mm(uint32_t address, uint32_t length_bytes) {
    s2mm_buffer_ = S2mmBuffer{true, address, length_bytes, 0, access_time_, s2mm_.generation()};
    s2mm_armed_.notify(until(access_time_));
}

// --------------------------------------------------------------------------- data path

uint32_t AxiDma::memory_access(tlm_utils::simple_initiator_socket<AxiDma>& socket,
                               tlm::tlm_generic_payload& trans, tlm::tlm_command command,
                               uint32_t address, uint8_t* data, uint32_t bytes, sc_time& delay,
                               const Channel& channel) {
    trans.set_command(command);
    trans.set_address(address);
    trans.set_data_ptr(data);
    trans.set_data_length(bytes);
    trans.set_streaming_width(bytes);
    trans.set_byte_enable_ptr(nullptr);
    trans.set_byte_enable_length(0);
    trans.set_dmi_allowed(false);
    trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    socket->b_transport(trans, delay);
    if (!trans.is_response_error()) return 0;
    const bool decode = trans.get_response_status() == tlm::TLM_ADDRESS_ERROR_RESPONSE;
    channel.warn(std::string(command == tlm::TLM_READ_COMMAND ? "read" : "write") + " of " +
                 std::to_string(bytes) + " bytes at " + hex(address) + " failed (" +
                 trans.get_response_string() + "): " + (decode ? "DMADecErr" : "DMASlvErr") +
                 ", the channel halts");
    return decode ? AXI_DMA_SR_DMA_DEC_ERR : AXI_DMA_SR_DMA_SLV_ERR;
}

void AxiDma::mm2s_thread() {
    for (;;) {
        while (!mm2s_job_.pending) wait(mm2s_start_);
        const Mm2sJob job = mm2s_job_;
        mm2s_job_.pending = false;
        run_mm2s(job);
    }
}

void AxiDma::run_mm2s(const Mm2sJob& job) {
    // Local time ahead of SystemC time (quantum-keeper style): the transfer starts at the
    // LENGTH write's time; the memory and the stream target add their own delays.
    sc_time delay = until(job.start_at);
    if (mm2s_buffer_.size() < job.length_bytes) mm2s_buffer_.resize(job.length_bytes);
    const uint32_t error = memory_access(m_axi_mm2s, mm2s_read_, tlm::TLM_READ_COMMAND, job.address,
                                         mm2s_buffer_.data(), job.length_bytes, delay, mm2s_);
    if (!error) {
        delay += period_;  // the first stream beat leaves the cycle after the last memory beat
        mm2s_axis_->tlast = true;
        mm2s_axis_->beat_bytes = params_.stream_width_bytes;
        mm2s_axis_->beat_interval = period_;
        mm2s_stream_.set_command(tlm::TLM_WRITE_COMMAND);
        mm2s_stream_.set_address(0);
        mm2s_stream_.set_data_ptr(mm2s_buffer_.data());
        mm2s_stream_.set_data_length(job.length_bytes);
        mm2s_stream_.set_streaming_width(job.length_bytes);
        mm2s_stream_.set_byte_enable_ptr(nullptr);
        mm2s_stream_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        m_axis_mm2s->b_transport(mm2s_stream_, delay);  // returns when the last beat was taken
    }
    if (job.generation != mm2s_.generation()) return;  // a reset discarded this transfer
    mm2s_.complete(absolute(delay), error ? 0 : job.length_bytes, error);
}

void AxiDma::s2mm_b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
    const sc_time offered_at = absolute(delay);  // the sender's first beat is valid
    const vp::AxisExtension* ext = trans.get_extension<vp::AxisExtension>();
    const unsigned beat_bytes = ext && ext->beat_bytes ? ext->beat_bytes : params_.stream_width_bytes;
    if (beat_bytes != params_.stream_width_bytes)
        vp::log_warning_once(name(), "s2mm-width",
                             "S2MM: stream beats of " + std::to_string(beat_bytes) + " bytes on a " +
                                 std::to_string(params_.stream_width_bytes) + "-byte S2MM stream port");
    const bool tlast = ext ? ext->tlast : true;
    // At most one beat per DMA cycle, and never faster than the sender.
    const sc_time interval = ext && ext->beat_interval > period_ ? ext->beat_interval : period_;
    const uint32_t bytes = trans.get_data_length();
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
    if (bytes == 0) return;

    // TREADY stays low until S2MM_LENGTH arms the channel.
    while (!s2mm_buffer_.armed) wait(s2mm_armed_);
    S2mmBuffer& buf = s2mm_buffer_;
    const sc_time start = std::max(offered_at, buf.armed_at);
    s2mm_wait_cycles_ += static_cast<uint64_t>((start - offered_at) / period_);
    const unsigned beats = vp::axis_beats(bytes, params_.stream_width_bytes);
    const sc_time last_beat_at = start + interval * static_cast<double>(beats - 1);

    const uint64_t generation = buf.generation;
    const uint32_t room = buf.length_bytes - buf.received_bytes;
    const uint32_t take = std::min(bytes, room);
    sc_time write_delay = until(last_beat_at) + period_;  // written after the last beat
    uint32_t error = 0;
    if (take)
        error = memory_access(m_axi_s2mm, s2mm_write_, tlm::TLM_WRITE_COMMAND, buf.address + buf.received_bytes,
                              trans.get_data_ptr(), take, write_delay, s2mm_);
    delay = until(last_beat_at);
    if (generation != s2mm_.generation()) return;  // a reset discarded this transfer

    buf.received_bytes += take;
    const bool overflow = bytes > room || (!tlast && buf.received_bytes == buf.length_bytes);
    if (overflow) {
        ++s2mm_overflows_;
        s2mm_.warn("a packet longer than S2MM_LENGTH = " + std::to_string(buf.length_bytes) +
                   " bytes arrived (" + std::to_string(bytes) + " bytes in this transaction" +
                   (tlast ? "" : ", no TLAST yet") + "): the first " + std::to_string(buf.received_bytes) +
                   " bytes are written, the rest is dropped; DMAIntErr, the channel halts (PG021: LENGTH "
                   "must hold the largest packet)");
        if (!error) error = AXI_DMA_SR_DMA_INT_ERR;
    }
    if (error || tlast || overflow) {
        buf.armed = false;
        s2mm_.complete(absolute(write_delay), buf.received_bytes, error);
    }
}

}  // namespace axi_dma
