// Xilinx AXI DMA (PG021) in simple / direct-register mode, register compatible with the
// hardware the EdgeDRNN driver programs (SPEC 1.1), as a loosely timed TLM-2.0 model:
//   axil          AXI4-Lite register window (addresses relative to the DMA base; the
//                 slave decodes 10 address bits, offsets without a register read 0)
//   m_axi_mm2s    MM2S memory reads    ─┐ both reach memory through the PL interconnect
//   m_axi_s2mm    S2MM memory writes   ─┘
//   m_axis_mm2s   MM2S stream out (to EdgeDRNN's input)
//   s_axis_s2mm   S2MM stream in (from EdgeDRNN's output)
//   mm2s_introut, s2mm_introut  interrupt levels: (IOC_Irq & IOC_IrqEn) | (Err_Irq & Err_IrqEn)
//
// Behaviour: reset state DMACR = 0x0001_0002, DMASR = Halted; DMACR.Reset resets both
// channels and reads back 1 for `soft_reset_cycles`; RS clears Halted; writing LENGTH
// with RS = 1 starts MM2S / arms S2MM; Idle and IOC_Irq when the transfer is done;
// DMAIntErr (zero length; an address not aligned to the memory-map width without DRE;
// an S2MM packet longer than LENGTH), DMASlvErr / DMADecErr from the memory response
// (TLM_ADDRESS_ERROR_RESPONSE = DECERR, any other error = SLVERR). An error halts the
// channel (RS = 0, Halted = 1) and sets Err_Irq; only a reset restarts it. Every misuse
// is also reported with vp::log_warning.
//
// Timing (loosely timed): a register access costs `register_access_cycles` and takes
// effect at the initiator's local time. MM2S reads the whole buffer with one
// b_transport (the interconnect splits bursts and accounts beats; the memory returns
// when the last beat arrived), then sends one stream packet with TLAST, one beat of
// `stream_width_bytes` per DMA cycle from the cycle after the last memory beat; the
// channel is busy until the stream target accepted the last beat. S2MM holds TREADY low
// (the sender's b_transport waits) until LENGTH is written, takes the packet at the
// sender's pace (at most one beat per cycle), then writes it with one b_transport and
// is Idle when the write response arrives.
//
// Simplifications (limits):
//   - store-and-forward: MM2S streams after its read completed and S2MM writes after the
//     last beat, where the hardware overlaps both through its FIFOs; a transfer of N
//     stream beats is up to ~N cycles longer than on the board (1 beat per step here);
//   - a failed memory read sends no stream data; a failed S2MM write drops the data; an
//     S2MM packet longer than LENGTH is accepted whole and its excess dropped (PG021
//     calls the hardware's behaviour undefined);
//   - a reset during a transfer lets the transaction in flight finish on the bus but
//     discards its completion; DMACR.Keyhole, IRQThreshold/IRQDelay (scatter-gather
//     coalescing) are stored, not modelled; addresses are 32-bit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "peripherals/axi_dma/axi_dma_channel.h"
#include "vp/common/irq_line.h"
#include "vp/common/register_bank.h"
#include "vp/stream/axis.h"

namespace vp {
class Stats;
class ConfigSchema;
class Config;
}  // namespace vp

namespace axi_dma {

struct AxiDmaParams {
    double clock_hz = 125e6;             // the DMA's AXI clock (PL clock on the MiniZed)
    unsigned length_width_bits = 23;     // buffer length register width, PG021: 8..26
    unsigned mm_data_width_bytes = 8;    // memory-map data width (64-bit HP port)
    unsigned stream_width_bytes = 16;    // stream data width (EdgeDRNN's 128-bit streams)
    unsigned max_burst_beats = 16;       // memory-map burst length; the platform gives it
                                         // to the interconnect port, which splits bursts
    bool has_dre = false;                // data realignment engine (byte-aligned addresses)
    unsigned register_access_cycles = 2; // AXI-Lite slave latency
    unsigned soft_reset_cycles = 16;     // DMACR.Reset reads back 1 this long

    static void declare(vp::ConfigSchema& schema);
    static AxiDmaParams from_config(const vp::Config& config);
};

class AxiDma : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<AxiDma> axil;
    tlm_utils::simple_initiator_socket<AxiDma> m_axi_mm2s;
    tlm_utils::simple_initiator_socket<AxiDma> m_axis_mm2s;
    tlm_utils::simple_target_socket<AxiDma> s_axis_s2mm;
    tlm_utils::simple_initiator_socket<AxiDma> m_axi_s2mm;
    vp::IrqLine mm2s_introut, s2mm_introut;

    // Counters go to `stats` as <basename>.mm2s.* and <basename>.s2mm.*.
    AxiDma(sc_core::sc_module_name name, const AxiDmaParams& params, vp::Stats& stats);

    // axi_resetn: both channels to their reset state at once.
    void hard_reset();

    const AxiDmaParams& params() const { return params_; }
    uint32_t max_length_bytes() const { return mm2s_.max_length_bytes(); }
    Channel& mm2s() { return mm2s_; }
    Channel& s2mm() { return s2mm_; }

private:
    // The MM2S transfer the channel thread works on next.
    struct Mm2sJob {
        bool pending = false;
        uint32_t address = 0;
        uint32_t length_bytes = 0;
        sc_core::sc_time start_at;
        uint64_t generation = 0;
    };
    // The S2MM buffer the stream writes into while armed.
    struct S2mmBuffer {
        bool armed = false;
        uint32_t address = 0;
        uint32_t length_bytes = 0;
        uint32_t received_bytes = 0;
        sc_core::sc_time armed_at;
        uint64_t generation = 0;
    };

    void axil_b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void s2mm_b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);

    void start_mm2s(uint32_t address, uint32_t length_bytes);
    void arm_s2mm(uint32_t address, uint32_t length_bytes);
    void soft_reset();
    void reset_channels();
    bool reset_in_progress() const { return access_time_ < reset_done_at_; }

    void mm2s_thread();
    void run_mm2s(const Mm2sJob& job);
    void mm2s_settle() { mm2s_.settle(sc_core::sc_time_stamp()); }
    void s2mm_settle() { s2mm_.settle(sc_core::sc_time_stamp()); }

    // Moves `bytes` between memory and `data` at `delay` from now; returns the DMASR error
    // bit for the response (0 = OK) and advances `delay` to when the last beat was done.
    uint32_t memory_access(tlm_utils::simple_initiator_socket<AxiDma>& socket,
                           tlm::tlm_generic_payload& trans, tlm::tlm_command command,
                           uint32_t address, uint8_t* data, uint32_t bytes,
                           sc_core::sc_time& delay, const Channel& channel);
    sc_core::sc_time absolute(const sc_core::sc_time& delay) const {
        return sc_core::sc_time_stamp() + delay;
    }
    sc_core::sc_time until(const sc_core::sc_time& at) const;  // at - now, at least 0
    sc_core::sc_time cycles(uint64_t n) const { return period_ * static_cast<double>(n); }

    AxiDmaParams params_;
    sc_core::sc_time period_;
    sc_core::sc_time access_time_;     // effective time of the register access in progress
    sc_core::sc_time reset_done_at_;   // end of the last soft reset
    vp::RegisterBank bank_;
    Channel mm2s_;
    Channel s2mm_;

    Mm2sJob mm2s_job_;
    sc_core::sc_event mm2s_start_;
    std::vector<uint8_t> mm2s_buffer_;  // grows to the largest transfer, then reused
    tlm::tlm_generic_payload mm2s_read_;
    tlm::tlm_generic_payload mm2s_stream_;
    vp::AxisExtension* mm2s_axis_ = nullptr;  // on mm2s_stream_ (which owns it)

    S2mmBuffer s2mm_buffer_;
    sc_core::sc_event s2mm_armed_;
    tlm::tlm_generic_payload s2mm_write_;

    uint64_t s2mm_wait_cycles_ = 0;    // stream sender held off: channel not armed
    uint64_t s2mm_overflows_ = 0;      // packets longer than the armed LENGTH
};

}  // namespace axi_dma
