// One channel (MM2S or S2MM) of the AXI DMA in simple mode: its five registers as
// members (DMACR, DMASR, SA/DA, SA/DA_MSB, LENGTH; offsets from software/include/hw/
// axi_dma_regs.h) and the PG021 state machine behind them: run/stop and Halted, Idle,
// the error bits, IOC_Irq/Err_Irq (write 1 to clear) and the interrupt output.
//
// The data movement is the owning AxiDma's: a valid LENGTH write calls the start hook;
// the data path reports the end with complete(at, ...). Status is evaluated at the time
// of the observer (the register access, or the completion event), so a CPU that runs
// ahead of SystemC time sees Idle exactly when the transfer ended, not a quantum later.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <systemc>

#include "vp/common/irq_line.h"
#include "vp/common/register_bank.h"

namespace axi_dma {

enum class Direction { Mm2s, S2mm };

const char* direction_name(Direction dir);  // "MM2S" / "S2MM"

// Build parameters a channel checks register writes against.
struct ChannelLimits {
    unsigned length_width_bits = 23;   // LENGTH field width (PG021: 8..26)
    unsigned mm_data_width_bytes = 8;  // address alignment required without DRE
    bool has_dre = false;              // data realignment engine: any byte address
    sc_core::sc_time period;           // DMA clock period (busy time in cycles)
};

// What a channel asks of the owning DMA.
struct ChannelHooks {
    // A valid LENGTH write with RS = 1: move `length_bytes` at `address`, starting at the
    // register access's time.
    std::function<void(uint32_t address, uint32_t length_bytes)> start;
    // DMACR.Reset written: reset the whole DMA (both channels).
    std::function<void()> soft_reset;
    // True while a soft reset is in progress (DMACR.Reset reads back 1).
    std::function<bool()> reset_in_progress;
};

// Counters exported to vp::Stats by the owner.
struct ChannelCounters {
    uint64_t transfers = 0;      // completed without error
    uint64_t bytes = 0;          // bytes moved by those transfers
    uint64_t errors = 0;         // transfers ended by an error (start checks included)
    uint64_t ignored = 0;        // LENGTH writes without effect (halted or busy)
    uint64_t busy_cycles = 0;    // start to completion, summed over transfers
};

class Channel {
public:
    // access_time: the owner's time of the register access being served (what a read
    // observes and when a write takes effect).
    Channel(vp::RegisterBank& bank, Direction dir, const std::string& owner,
            const ChannelLimits& limits, const sc_core::sc_time& access_time,
            vp::IrqLine& introut, ChannelHooks hooks);
    Channel(const Channel&) = delete;
    Channel& operator=(const Channel&) = delete;

    vp::Register dmacr, dmasr, address, address_msb, length;
    // Scatter-gather registers: not in a simple-mode build; a write is a driver error.
    vp::Register curdesc, curdesc_msb, taildesc, taildesc_msb;

    // Back to the reset state; a transfer in flight is forgotten (see generation()).
    void reset();
    // Applies a completion whose time has come, as seen at time t.
    void settle(const sc_core::sc_time& t);
    // The data path finished the current transfer at `at` (absolute time), having moved
    // `bytes`; error_bits are DMASR error bits (0 = success).
    void complete(const sc_core::sc_time& at, uint32_t bytes, uint32_t error_bits);

    bool busy() const { return busy_; }
    uint64_t generation() const { return generation_; }
    uint32_t max_length_bytes() const { return length_mask_; }
    Direction direction() const { return dir_; }
    const ChannelCounters& counters() const { return counters_; }
    sc_core::sc_event& completion_event() { return completion_event_; }
    // "axi_dma: S2MM" style prefix for the owner's warnings.
    void warn(const std::string& message) const;

private:
    void write_dmacr(uint32_t value);
    void write_dmasr(uint32_t value);
    void write_length(uint32_t value);
    void write_address_msb(vp::Register& reg, uint32_t value);
    void write_sg_register(vp::Register& reg, uint32_t value);
    uint32_t read_dmacr();
    uint32_t read_dmasr();

    bool checks_pass(uint32_t length_field);  // zero length, alignment (DMAIntErr)
    void fail_now(uint32_t error_bits, const std::string& why);
    void apply_completion();
    void halt();  // RS = 0, Halted = 1, Idle = 0 (PG021: Idle reads 0 while halted)
    void set_status(uint32_t set_bits, uint32_t clear_bits);
    void update_irq();
    bool running() const;

    Direction dir_;
    std::string owner_;
    std::string prefix_;  // register name prefix, "MM2S_" / "S2MM_"
    ChannelLimits limits_;
    uint32_t length_mask_;
    const sc_core::sc_time& access_time_;
    vp::IrqLine& introut_;
    ChannelHooks hooks_;

    bool busy_ = false;              // started and not yet completed
    bool completion_pending_ = false;
    sc_core::sc_time completion_at_;
    uint32_t completion_bytes_ = 0;
    uint32_t completion_errors_ = 0;
    sc_core::sc_time started_at_;
    uint64_t generation_ = 0;
    sc_core::sc_event completion_event_;
    ChannelCounters counters_;
};

}  // namespace axi_dma
