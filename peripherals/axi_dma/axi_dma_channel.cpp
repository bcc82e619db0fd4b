#include "peripherals/axi_dma/axi_dma_channel.h"

#include <sstream>

#include "software/include/hw/axi_dma_regs.h"
#include "vp/common/log.h"

namespace axi_dma {

using sc_core::sc_time;

namespace {

// DMACR bits a write stores (Reset is an action, bit 1 is read-only 1).
constexpr uint32_t kDmacrWritable = AXI_DMA_CR_RS | AXI_DMA_CR_KEYHOLE | AXI_DMA_CR_CYCLIC |
                                    AXI_DMA_CR_IRQ_EN_ALL | AXI_DMA_CR_IRQ_THRESHOLD_MASK |
                                    AXI_DMA_CR_IRQ_DELAY_MASK;

uint32_t channel_base(Direction dir) {
    return dir == Direction::Mm2s ? AXI_DMA_MM2S_BASE : AXI_DMA_S2MM_BASE;
}

std::string hex(uint64_t v) {
    std::ostringstream os;
    os << "0x" << std::hex << v;
    return os.str();
}

}  // namespace

const char* direction_name(Direction dir) { return dir == Direction::Mm2s ? "MM2S" : "S2MM"; }

Channel::Channel(vp::RegisterBank& bank, Direction dir, const std::string& owner,
                 const ChannelLimits& limits, const sc_time& access_time, vp::IrqLine& introut,
                 ChannelHooks hooks)
    : dmacr(bank, std::string(direction_name(dir)) + "_DMACR", channel_base(dir) + AXI_DMA_CH_DMACR,
            AXI_DMA_RESET_DMACR),
      dmasr(bank, std::string(direction_name(dir)) + "_DMASR", channel_base(dir) + AXI_DMA_CH_DMASR,
            AXI_DMA_RESET_DMASR),
      address(bank, std::string(direction_name(dir)) + (dir == Direction::Mm2s ? "_SA" : "_DA"),
              channel_base(dir) + AXI_DMA_CH_ADDR, 0),
      address_msb(bank, std::string(direction_name(dir)) + (dir == Direction::Mm2s ? "_SA_MSB" : "_DA_MSB"),
                  channel_base(dir) + AXI_DMA_CH_ADDR_MSB, 0),
      length(bank, std::string(direction_name(dir)) + "_LENGTH", channel_base(dir) + AXI_DMA_CH_LENGTH, 0),
      curdesc(bank, std::string(direction_name(dir)) + "_CURDESC", channel_base(dir) + AXI_DMA_CH_CURDESC, 0),
      curdesc_msb(bank, std::string(direction_name(dir)) + "_CURDESC_MSB",
                  channel_base(dir) + AXI_DMA_CH_CURDESC_MSB, 0),
      taildesc(bank, std::string(direction_name(dir)) + "_TAILDESC", channel_base(dir) + AXI_DMA_CH_TAILDESC, 0),
      taildesc_msb(bank, std::string(direction_name(dir)) + "_TAILDESC_MSB",
                   channel_base(dir) + AXI_DMA_CH_TAILDESC_MSB, 0),
      dir_(dir),
      owner_(owner),
      prefix_(std::string(direction_name(dir)) + "_"),
      limits_(limits),
      length_mask_(static_cast<uint32_t>((uint64_t{1} << limits.length_width_bits) - 1)),
      access_time_(access_time),
      introut_(introut),
      hooks_(std::move(hooks)) {
    dmacr.on_write([this](uint32_t v) { write_dmacr(v); });
    dmacr.on_read([this] { return read_dmacr(); });
    dmasr.on_write([this](uint32_t v) { write_dmasr(v); });
    dmasr.on_read([this] { return read_dmasr(); });
    // Idle and IOC_Irq change by themselves only when a transfer completes: a CPU polling
    // DMASR may wait for that instead of simulating every read.
    dmasr.set_change_event(&completion_event_);
    // Idle and IOC_Irq change by themselves only when a transfer completes: a CPU polling
    // DMASR may wait for that instead of simulating every read.
    dmasr.set_change_event(&completion_event_);
    length.on_write([this](uint32_t v) { write_length(v); });
    length.on_read([this] { settle(access_time_); return length.value(); });
    address_msb.on_write([this](uint32_t v) { write_address_msb(address_msb, v); });
    for (vp::Register* reg : {&curdesc, &curdesc_msb, &taildesc, &taildesc_msb})
        reg->on_write([this, reg](uint32_t v) { write_sg_register(*reg, v); });
}

void Channel::warn(const std::string& message) const {
    vp::log_warning(owner_, std::string(direction_name(dir_)) + ": " + message);
}

bool Channel::running() const { return (dmasr.value() & AXI_DMA_SR_HALTED) == 0; }

// ------------------------------------------------------------------------- registers

void Channel::write_dmacr(uint32_t value) {
    settle(access_time_);
    if (value & AXI_DMA_CR_RESET) {
        hooks_.soft_reset();  // resets this register too
        return;
    }
    const uint32_t old = dmacr.value();
    // IRQThreshold/IRQDelay are stored only: they count completions and time in
    // scatter-gather mode and do not act in simple mode.
    uint32_t stored = (value & kDmacrWritable) | AXI_DMA_CR_RESERVED1;
    const bool rs_before = (old & AXI_DMA_CR_RS) != 0;
    if ((stored & AXI_DMA_CR_RS) && !rs_before && (dmasr.value() & AXI_DMA_SR_ERR_ALL)) {
        // Like its sibling AXI CDMA (PG034), the engine restarts only after a reset.
        warn("DMACR.RS set while DMASR holds error bits " + hex(dmasr.value() & AXI_DMA_SR_ERR_ALL) +
             "; the channel stays halted until a reset (write DMACR.Reset)");
        stored &= ~AXI_DMA_CR_RS;
    }
    if ((stored & AXI_DMA_CR_KEYHOLE) && !(old & AXI_DMA_CR_KEYHOLE))
        vp::log_warning_once(owner_, prefix_ + "keyhole",
                             std::string(direction_name(dir_)) +
                                 ": DMACR.Keyhole set; not modelled, transfers use incrementing addresses");
    if ((stored & AXI_DMA_CR_CYCLIC) && !(old & AXI_DMA_CR_CYCLIC))
        warn("DMACR.Cyclic set; it applies to scatter-gather builds only and has no effect here");
    dmacr.set(stored);
    const bool rs_now = (stored & AXI_DMA_CR_RS) != 0;
    if (rs_now && !rs_before) set_status(0, AXI_DMA_SR_HALTED);  // Idle stays 0 until a transfer ends
    // RS cleared while busy: the transfer in flight completes, then the channel halts.
    if (!rs_now && rs_before && !busy_) halt();
    update_irq();
}

uint32_t Channel::read_dmacr() {
    return dmacr.value() | (hooks_.reset_in_progress() ? AXI_DMA_CR_RESET : 0u);
}

void Channel::write_dmasr(uint32_t value) {
    settle(access_time_);
    // IOC_Irq, Dly_Irq and Err_Irq are write-1-to-clear; every other bit is read-only.
    set_status(0, value & AXI_DMA_SR_IRQ_ALL);
    update_irq();
}

uint32_t Channel::read_dmasr() {
    settle(access_time_);
    return dmasr.value();
}

void Channel::write_address_msb(vp::Register& reg, uint32_t value) {
    // This build has 32-bit addresses: the MSB register does not exist and reads 0.
    if (value != 0)
        warn(reg.name() + " = " + hex(value) + " ignored: the DMA is built for 32-bit addresses");
}

void Channel::write_sg_register(vp::Register& reg, uint32_t value) {
    warn(reg.name() + " = " + hex(value) +
         " ignored: scatter-gather registers do not exist in a simple-mode build (DMASR.SGIncld = 0)");
}

void Channel::write_length(uint32_t value) {
    settle(access_time_);
    const uint32_t field = value & length_mask_;
    if (value != field)
        warn(prefix_ + "LENGTH = " + std::to_string(value) + " exceeds the " +
             std::to_string(limits_.length_width_bits) + "-bit buffer length register; the upper bits are dropped (" +
             std::to_string(field) + " bytes)");
    if (!running()) {
        ++counters_.ignored;
        length.set(field);
        warn(prefix_ + "LENGTH written while the channel is halted (DMACR.RS = 0): no transfer starts (PG021)");
        return;
    }
    if (busy_) {
        ++counters_.ignored;
        warn(prefix_ + "LENGTH written while a transfer is in progress (DMASR.Idle = 0): ignored");
        return;
    }
    length.set(field);
    if (!checks_pass(field)) return;
    busy_ = true;
    started_at_ = access_time_;
    set_status(0, AXI_DMA_SR_IDLE);
    hooks_.start(address.value(), field);
}

bool Channel::checks_pass(uint32_t field) {
    if (field == 0) {
        fail_now(AXI_DMA_SR_DMA_INT_ERR, prefix_ + "LENGTH = 0: DMAIntErr, the channel halts");
        return false;
    }
    const uint32_t addr = address.value();
    if (!limits_.has_dre && addr % limits_.mm_data_width_bytes != 0) {
        fail_now(AXI_DMA_SR_DMA_INT_ERR,
                 address.name() + " = " + hex(addr) + " is not aligned to the " +
                     std::to_string(limits_.mm_data_width_bytes) +
                     "-byte memory-map width and the DMA has no realignment engine "
                     "(PG021: undefined; the model flags DMAIntErr and halts)");
        return false;
    }
    return true;
}

// ----------------------------------------------------------------------- state machine

void Channel::set_status(uint32_t set_bits, uint32_t clear_bits) {
    dmasr.set((dmasr.value() & ~clear_bits) | set_bits);
}

void Channel::halt() {
    dmacr.set(dmacr.value() & ~AXI_DMA_CR_RS);
    set_status(AXI_DMA_SR_HALTED, AXI_DMA_SR_IDLE);
}

void Channel::fail_now(uint32_t error_bits, const std::string& why) {
    ++counters_.errors;
    warn(why);
    set_status(error_bits | AXI_DMA_SR_ERR_IRQ, 0);
    halt();
    update_irq();
}

void Channel::complete(const sc_time& at, uint32_t bytes, uint32_t error_bits) {
    completion_pending_ = true;
    completion_at_ = at;
    completion_bytes_ = bytes;
    completion_errors_ = error_bits;
    const sc_time now = sc_core::sc_time_stamp();
    completion_event_.notify(at > now ? at - now : sc_core::SC_ZERO_TIME);
}

void Channel::settle(const sc_time& t) {
    if (completion_pending_ && t >= completion_at_) apply_completion();
}

void Channel::apply_completion() {
    completion_pending_ = false;
    busy_ = false;
    counters_.busy_cycles += static_cast<uint64_t>((completion_at_ - started_at_) / limits_.period);
    if (dir_ == Direction::S2mm) length.set(completion_bytes_);  // PG021: bytes actually written
    if (completion_errors_) {
        ++counters_.errors;
        set_status(completion_errors_ | AXI_DMA_SR_ERR_IRQ, 0);
        halt();
    } else {
        ++counters_.transfers;
        counters_.bytes += completion_bytes_;
        set_status(AXI_DMA_SR_IOC_IRQ, 0);
        if (dmacr.value() & AXI_DMA_CR_RS)
            set_status(AXI_DMA_SR_IDLE, 0);
        else
            halt();  // RS was cleared during the transfer
    }
    update_irq();
}

void Channel::update_irq() {
    const uint32_t sr = dmasr.value();
    const uint32_t cr = dmacr.value();
    // DMACR's enable bits sit at the same positions as DMASR's interrupt bits.
    introut_.set((sr & cr & AXI_DMA_SR_IRQ_ALL) != 0);
}

void Channel::reset() {
    for (vp::Register* reg : {&dmacr, &dmasr, &address, &address_msb, &length, &curdesc,
                              &curdesc_msb, &taildesc, &taildesc_msb})
        reg->reset();
    busy_ = false;
    completion_pending_ = false;
    completion_event_.cancel();
    ++generation_;
    update_irq();
}

}  // namespace axi_dma
