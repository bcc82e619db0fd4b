// The AXI DMA model (PG021 simple mode) seen through its register window, and the C
// driver running on top of it through a test HAL. Bench: the DMA, a memory path (an
// ideal RAM, a window that answers SLVERR, DECERR everywhere else), a stream sink whose
// readiness the test controls, a stream source, and a CPU thread poking registers.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "peripherals/axi_dma/axi_dma.h"
#include "software/include/hw/axi_dma_regs.h"
#include "vp/config/config.h"
#include "vp/memory/ideal_memory.h"
#include "vp/stats/stats.h"
#include "vp/stream/axis.h"

// The peripherals test executable links vp_platform, not the firmware library, so the
// driver under test is compiled into this file (it is kept valid C++ for that), inside a
// namespace: its C type `axi_dma` would clash with the model's namespace of that name.
// Its HAL calls are renamed to the test HAL below, so this executable never competes
// with vp_platform's native HAL for the hal_* symbols.
#include "software/hal/hal.h"
uint32_t test_hal_read32(uint32_t addr);
void test_hal_write32(uint32_t addr, uint32_t value);
#define hal_read32 test_hal_read32
#define hal_write32 test_hal_write32
namespace drv {
#include "software/drivers/axi_dma/axi_dma.c"
}  // namespace drv
#undef hal_read32
#undef hal_write32

namespace {

using sc_core::sc_time;
using sc_core::SC_NS;
using sc_core::SC_US;
using sc_core::SC_ZERO_TIME;

constexpr uint32_t kDmaBase = 0x40400000;       // where the test HAL maps the DMA
constexpr uint64_t kRamBytes = 1 << 20;         // RAM at 0; DECERR above
constexpr uint32_t kSlaveErrorBase = 0x80000000; // 4 KiB answering SLVERR
constexpr uint32_t kUnmapped = 0x90000000;

sc_time ns(double v) { return sc_time(v, SC_NS); }

std::vector<uint8_t> pattern(unsigned bytes, uint8_t seed) {
    std::vector<uint8_t> v(bytes);
    for (unsigned i = 0; i < bytes; ++i) v[i] = static_cast<uint8_t>(seed + 7 * i);
    return v;
}

// The DMA's memory side: forwards to the RAM, except a SLVERR window; the RAM itself
// answers TLM_ADDRESS_ERROR_RESPONSE beyond its size. Records every transaction.
class MemoryPath : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<MemoryPath> mm2s_port;
    tlm_utils::simple_target_socket<MemoryPath> s2mm_port;
    tlm_utils::simple_initiator_socket<MemoryPath> to_ram;

    struct Access {
        tlm::tlm_command command;
        uint64_t address;
        unsigned bytes;
    };
    std::vector<Access> accesses;

    explicit MemoryPath(sc_core::sc_module_name name)
        : sc_module(name), mm2s_port("mm2s_port"), s2mm_port("s2mm_port"), to_ram("to_ram") {
        mm2s_port.register_b_transport(this, &MemoryPath::b_transport);
        s2mm_port.register_b_transport(this, &MemoryPath::b_transport);
    }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
        accesses.push_back({trans.get_command(), trans.get_address(), trans.get_data_length()});
        if (trans.get_address() >= kSlaveErrorBase && trans.get_address() < kSlaveErrorBase + 4096) {
            delay += ns(8);
            trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
            return;
        }
        to_ram->b_transport(trans, delay);
    }
};

// MM2S stream receiver: not ready before ready_at, then one beat per sender interval.
class StreamSink : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<StreamSink> socket;
    sc_time ready_at = SC_ZERO_TIME;
    bool never_ready = false;  // never takes a packet (a stalled stream)

    struct Packet {
        std::vector<uint8_t> data;
        bool tlast;
        unsigned beat_bytes;
        sc_time first_beat_offered, last_beat_accepted;
    };
    std::vector<Packet> packets;

    explicit StreamSink(sc_core::sc_module_name name) : sc_module(name), socket("socket") {
        socket.register_b_transport(this, &StreamSink::b_transport);
    }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
        if (never_ready) wait(never_);  // the simulation ends with the DMA inside
        const auto* ext = trans.get_extension<vp::AxisExtension>();
        Packet p;
        p.data.assign(trans.get_data_ptr(), trans.get_data_ptr() + trans.get_data_length());
        p.tlast = ext ? ext->tlast : false;
        p.beat_bytes = ext ? ext->beat_bytes : 0;
        p.first_beat_offered = sc_core::sc_time_stamp() + delay;
        if (p.first_beat_offered < ready_at) delay += ready_at - p.first_beat_offered;
        const unsigned beats = vp::axis_beats(trans.get_data_length(), p.beat_bytes ? p.beat_bytes : 16);
        if (ext) delay += ext->beat_interval * static_cast<double>(beats - 1);
        p.last_beat_accepted = sc_core::sc_time_stamp() + delay;
        packets.push_back(std::move(p));
        trans.set_response_status(tlm::TLM_OK_RESPONSE);
    }
    sc_core::sc_event never_;  // never notified
};

// S2MM stream sender: sends queued packets in order, each not before its time, and
// records when the DMA accepted its last beat.
class StreamSource : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<StreamSource> socket;
    std::vector<sc_time> accepted;  // last beat accepted, per packet

    explicit StreamSource(sc_core::sc_module_name name) : sc_module(name), socket("socket") {
        SC_HAS_PROCESS(StreamSource);
        SC_THREAD(run);
    }
    void send_at(sc_time at, std::vector<uint8_t> data, bool tlast = true) {
        queue_.push_back({at, std::move(data), tlast});
    }

private:
    struct Item {
        sc_time at;
        std::vector<uint8_t> data;
        bool tlast;
    };
    void run() {
        ext_.beat_bytes = 16;
        ext_.beat_interval = ns(8);
        trans_.set_extension(&ext_);
        for (Item& item : queue_) {
            if (item.at > sc_core::sc_time_stamp()) wait(item.at - sc_core::sc_time_stamp());
            ext_.tlast = item.tlast;
            trans_.set_command(tlm::TLM_WRITE_COMMAND);
            trans_.set_address(0);
            trans_.set_data_ptr(item.data.data());
            trans_.set_data_length(static_cast<unsigned>(item.data.size()));
            trans_.set_streaming_width(static_cast<unsigned>(item.data.size()));
            trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
            sc_time delay = SC_ZERO_TIME;
            socket->b_transport(trans_, delay);
            accepted.push_back(sc_core::sc_time_stamp() + delay);
            wait(delay);
        }
        trans_.clear_extension(&ext_);
    }
    std::vector<Item> queue_;
    tlm::tlm_generic_payload trans_;
    vp::AxisExtension ext_;
};

class DmaBench : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<DmaBench> cpu;
    vp::Stats stats;
    vp::IdealMemory ram;
    MemoryPath path;
    axi_dma::AxiDma dma;
    StreamSink sink;
    StreamSource source;

    explicit DmaBench(const axi_dma::AxiDmaParams& params = {}, sc_core::sc_module_name name = "bench")
        : sc_module(name),
          cpu("cpu"),
          ram("ram", ram_params(), stats),
          path("path"),
          dma("axi_dma", params, stats),
          sink("sink"),
          source("source") {
        cpu.bind(dma.axil);
        dma.m_axi_mm2s.bind(path.mm2s_port);
        dma.m_axi_s2mm.bind(path.s2mm_port);
        path.to_ram.bind(ram.socket);
        dma.m_axis_mm2s.bind(sink.socket);
        source.socket.bind(dma.s_axis_s2mm);
        SC_HAS_PROCESS(DmaBench);
        SC_THREAD(run);
    }

    // The CPU program, run in an SC_THREAD from time 0; call before sc_start().
    void script(std::function<void()> body) { script_ = std::move(body); }

    // A synchronous CPU: each access waits for its response.
    uint32_t read(uint32_t offset) {
        uint8_t d[4] = {};
        access(tlm::TLM_READ_COMMAND, offset, d);
        return d[0] | (d[1] << 8) | (d[2] << 16) | (uint32_t(d[3]) << 24);
    }
    void write(uint32_t offset, uint32_t value) {
        uint8_t d[4] = {uint8_t(value), uint8_t(value >> 8), uint8_t(value >> 16), uint8_t(value >> 24)};
        access(tlm::TLM_WRITE_COMMAND, offset, d);
    }
    void wait_until(sc_time t) {
        if (t > sc_core::sc_time_stamp()) wait(t - sc_core::sc_time_stamp());
    }
    void load(uint32_t address, const std::vector<uint8_t>& bytes) {
        ram.storage().write(address, bytes.data(), bytes.size());
    }
    std::vector<uint8_t> dump(uint32_t address, unsigned bytes) {
        std::vector<uint8_t> v(bytes);
        ram.storage().read(address, v.data(), bytes);
        return v;
    }
    uint64_t stat(const std::string& name) const { return static_cast<uint64_t>(stats.value(name)); }
    unsigned reads_of_memory() const {
        unsigned n = 0;
        for (const auto& a : path.accesses) n += a.command == tlm::TLM_READ_COMMAND;
        return n;
    }

private:
    static vp::IdealMemoryParams ram_params() {
        vp::IdealMemoryParams p;
        p.size_bytes = kRamBytes;
        p.clock_hz = 125e6;
        p.width_bytes = 8;
        p.first_beat_cycles = 1;
        return p;
    }
    void access(tlm::tlm_command command, uint32_t offset, uint8_t* data) {
        trans_.set_command(command);
        trans_.set_address(offset);
        trans_.set_data_ptr(data);
        trans_.set_data_length(4);
        trans_.set_streaming_width(4);
        trans_.set_byte_enable_ptr(nullptr);
        trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        sc_time delay = SC_ZERO_TIME;
        cpu->b_transport(trans_, delay);
        wait(delay);
    }
    void run() {
        if (script_) script_();
    }
    std::function<void()> script_;
    tlm::tlm_generic_payload trans_;
};

// MM2S: SA, RS (read-modify-write, as the BSP does), LENGTH.
void start_mm2s(DmaBench& b, uint32_t address, uint32_t length) {
    b.write(AXI_DMA_MM2S_SA, address);
    b.write(AXI_DMA_MM2S_DMACR, b.read(AXI_DMA_MM2S_DMACR) | AXI_DMA_CR_RS);
    b.write(AXI_DMA_MM2S_LENGTH, length);
}

void arm_s2mm(DmaBench& b, uint32_t address, uint32_t length) {
    b.write(AXI_DMA_S2MM_DA, address);
    b.write(AXI_DMA_S2MM_DMACR, b.read(AXI_DMA_S2MM_DMACR) | AXI_DMA_CR_RS);
    b.write(AXI_DMA_S2MM_LENGTH, length);
}

// Polls a DMASR until Idle or halted; returns the last value.
uint32_t poll_done(DmaBench& b, uint32_t dmasr_offset) {
    for (int i = 0; i < 100000; ++i) {
        const uint32_t sr = b.read(dmasr_offset);
        if (sr & (AXI_DMA_SR_IDLE | AXI_DMA_SR_HALTED)) return sr;
    }
    return b.read(dmasr_offset);
}

}  // namespace

// ------------------------------------------------------------------ registers, reset

TEST(AxiDma, ResetValues) {
    DmaBench b;
    std::vector<uint32_t> v;
    b.script([&] {
        for (uint32_t off : {AXI_DMA_MM2S_DMACR, AXI_DMA_MM2S_DMASR, AXI_DMA_MM2S_SA, AXI_DMA_MM2S_LENGTH,
                             AXI_DMA_S2MM_DMACR, AXI_DMA_S2MM_DMASR, AXI_DMA_S2MM_DA, AXI_DMA_S2MM_LENGTH})
            v.push_back(b.read(off));
    });
    sc_core::sc_start();
    ASSERT_EQ(v.size(), 8u);
    EXPECT_EQ(v[0], 0x00010002u);  // IRQThreshold = 1, reserved bit 1
    EXPECT_EQ(v[1], AXI_DMA_SR_HALTED);  // Halted, Idle = 0, SGIncld = 0
    EXPECT_EQ(v[2], 0u);
    EXPECT_EQ(v[3], 0u);
    EXPECT_EQ(v[4], 0x00010002u);
    EXPECT_EQ(v[5], AXI_DMA_SR_HALTED);
    EXPECT_EQ(v[6], 0u);
    EXPECT_EQ(v[7], 0u);
    EXPECT_FALSE(b.dma.mm2s_introut.level());
    EXPECT_FALSE(b.dma.s2mm_introut.level());
}

TEST(AxiDma, SoftResetSelfClearsAndLeavesBothChannelsHalted) {
    DmaBench b;
    uint32_t first = 0, polls = 0, cr_after = 0, mm2s_sr = 0, s2mm_sr = 0, s2mm_cr = 0;
    sc_time written, cleared;
    b.script([&] {
        b.write(AXI_DMA_MM2S_DMACR, AXI_DMA_CR_RS | AXI_DMA_CR_IOC_IRQ_EN);
        b.write(AXI_DMA_S2MM_DMACR, AXI_DMA_CR_RS);
        b.write(AXI_DMA_S2MM_DA, 0x1234);
        written = sc_core::sc_time_stamp();
        b.write(AXI_DMA_S2MM_DMACR, AXI_DMA_CR_RESET);  // either channel resets the whole DMA
        first = b.read(AXI_DMA_MM2S_DMACR);
        while (b.read(AXI_DMA_MM2S_DMACR) & AXI_DMA_CR_RESET) ++polls;
        cleared = sc_core::sc_time_stamp();
        cr_after = b.read(AXI_DMA_MM2S_DMACR);
        mm2s_sr = b.read(AXI_DMA_MM2S_DMASR);
        s2mm_sr = b.read(AXI_DMA_S2MM_DMASR);
        s2mm_cr = b.read(AXI_DMA_S2MM_DA);
    });
    sc_core::sc_start();
    EXPECT_TRUE(first & AXI_DMA_CR_RESET);
    EXPECT_GT(polls, 0u);
    EXPECT_GE(cleared - written, ns(8 * 16));  // soft_reset_cycles
    EXPECT_EQ(cr_after, AXI_DMA_RESET_DMACR);
    EXPECT_EQ(mm2s_sr, AXI_DMA_SR_HALTED);
    EXPECT_EQ(s2mm_sr, AXI_DMA_SR_HALTED);
    EXPECT_EQ(s2mm_cr, 0u);
}

TEST(AxiDma, RunStopClearsAndSetsHalted) {
    DmaBench b;
    uint32_t cr = 0, running = 0, stopped = 0;
    b.script([&] {
        b.write(AXI_DMA_MM2S_DMACR, b.read(AXI_DMA_MM2S_DMACR) | AXI_DMA_CR_RS);
        cr = b.read(AXI_DMA_MM2S_DMACR);
        running = b.read(AXI_DMA_MM2S_DMASR);
        b.write(AXI_DMA_MM2S_DMACR, cr & ~AXI_DMA_CR_RS);
        stopped = b.read(AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(cr, 0x00010003u);  // what the BSP's read-modify-write leaves
    EXPECT_EQ(running, 0u);      // running, and Idle = 0 before the first transfer (PG021)
    EXPECT_EQ(stopped, AXI_DMA_SR_HALTED);
}

TEST(AxiDma, RegisterAccessTakesTheSlaveLatency) {
    DmaBench b;
    sc_time t;
    b.script([&] {
        b.read(AXI_DMA_MM2S_DMASR);
        t = sc_core::sc_time_stamp();
    });
    sc_core::sc_start();
    EXPECT_EQ(t, ns(16));  // 2 cycles at 125 MHz
}

TEST(AxiDma, ScatterGatherRegistersAreNotThere) {
    DmaBench b;
    uint32_t curdesc = 1, unmapped = 1;
    b.script([&] {
        b.write(AXI_DMA_CH_CURDESC, 0x1000);  // warns: no scatter-gather engine
        curdesc = b.read(AXI_DMA_CH_CURDESC);
        unmapped = b.read(0x60);
    });
    sc_core::sc_start();
    EXPECT_EQ(curdesc, 0u);
    EXPECT_EQ(unmapped, 0u);
}

// ------------------------------------------------------------------------------ MM2S

TEST(AxiDma, Mm2sStreamsTheBufferAsOnePacketAndGoesIdle) {
    DmaBench b;
    const std::vector<uint8_t> data = pattern(64, 3);
    b.load(0x1000, data);
    uint32_t during = 0, just_before = 0, after = 0;
    sc_time length_written;
    b.script([&] {
        b.write(AXI_DMA_MM2S_SA, 0x1000);
        b.write(AXI_DMA_MM2S_DMACR, AXI_DMA_CR_RS);
        b.write(AXI_DMA_MM2S_LENGTH, 64);
        length_written = sc_core::sc_time_stamp();  // the write took effect now (48 ns)
        during = b.read(AXI_DMA_MM2S_DMASR);
        b.wait_until(ns(120));
        just_before = b.read(AXI_DMA_MM2S_DMASR);  // observed at 136 ns
        after = b.read(AXI_DMA_MM2S_DMASR);        // observed at 152 ns
    });
    sc_core::sc_start();
    ASSERT_EQ(b.sink.packets.size(), 1u);
    const auto& p = b.sink.packets[0];
    EXPECT_EQ(p.data, data);
    EXPECT_TRUE(p.tlast);
    EXPECT_EQ(p.beat_bytes, 16u);
    // 48 ns LENGTH write; 8 memory beats of 8 bytes (1 + 7 cycles) = 112 ns; first stream
    // beat the cycle after (120 ns); 4 beats, one per cycle: last at 144 ns.
    EXPECT_EQ(length_written, ns(48));
    EXPECT_EQ(p.first_beat_offered, ns(120));
    EXPECT_EQ(p.last_beat_accepted, ns(144));
    EXPECT_EQ(during & AXI_DMA_SR_IDLE, 0u);
    EXPECT_EQ(just_before & AXI_DMA_SR_IDLE, 0u);
    EXPECT_EQ(after, AXI_DMA_SR_IDLE | AXI_DMA_SR_IOC_IRQ);
    // One memory read for the whole transfer (the interconnect splits bursts).
    ASSERT_EQ(b.path.accesses.size(), 1u);
    EXPECT_EQ(b.path.accesses[0].address, 0x1000u);
    EXPECT_EQ(b.path.accesses[0].bytes, 64u);
    EXPECT_EQ(b.stat("axi_dma.mm2s.transfers"), 1u);
    EXPECT_EQ(b.stat("axi_dma.mm2s.bytes"), 64u);
    EXPECT_EQ(b.stat("axi_dma.mm2s.errors"), 0u);
    EXPECT_EQ(b.stat("axi_dma.mm2s.busy_cycles"), 12u);  // 48 ns .. 144 ns
}

TEST(AxiDma, Mm2sStaysBusyUntilTheStreamTargetTookTheLastBeat) {
    DmaBench b;
    b.sink.ready_at = sc_time(5, SC_US);
    b.load(0x0, pattern(32, 1));
    uint32_t busy = 0, done = 0;
    b.script([&] {
        start_mm2s(b, 0x0, 32);
        b.wait_until(sc_time(4, SC_US));
        busy = b.read(AXI_DMA_MM2S_DMASR);
        b.wait_until(sc_time(6, SC_US));
        done = b.read(AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(busy & AXI_DMA_SR_IDLE, 0u);
    EXPECT_TRUE(done & AXI_DMA_SR_IDLE);
    ASSERT_EQ(b.sink.packets.size(), 1u);
    EXPECT_EQ(b.sink.packets[0].last_beat_accepted, sc_time(5, SC_US) + ns(8));
}

// The simulation may end while MM2S waits inside the stream target's b_transport (a
// target that never takes the packet, e.g. an accelerator refusing its configuration):
// the DMA must still be destructible (its stream payload once freed a member of the DMA).
TEST(AxiDma, Mm2sStalledOnTheStreamIsDestroyedCleanly) {
    auto b = std::make_unique<DmaBench>();
    b->sink.never_ready = true;
    b->load(0x0, pattern(32, 1));
    uint32_t sr = 0;
    b->script([&] {
        start_mm2s(*b, 0x0, 32);
        b->wait_until(sc_time(10, SC_US));
        sr = b->read(AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr & AXI_DMA_SR_IDLE, 0u);
    EXPECT_TRUE(b->sink.packets.empty());
    b.reset();  // aborted in the payload's destructor before the fix
    SUCCEED();
}

TEST(AxiDma, TransferStartedWhileBusyIsIgnored) {
    DmaBench b;
    b.sink.ready_at = sc_time(2, SC_US);
    b.load(0x0, pattern(64, 9));
    uint32_t sr = 0;
    b.script([&] {
        start_mm2s(b, 0x0, 64);
        b.write(AXI_DMA_MM2S_SA, 0x100);
        b.write(AXI_DMA_MM2S_LENGTH, 32);  // busy: ignored, with a warning
        sr = poll_done(b, AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_IDLE | AXI_DMA_SR_IOC_IRQ);
    ASSERT_EQ(b.sink.packets.size(), 1u);
    EXPECT_EQ(b.sink.packets[0].data.size(), 64u);
    EXPECT_EQ(b.reads_of_memory(), 1u);
    EXPECT_EQ(b.stat("axi_dma.mm2s.ignored_starts"), 1u);
    EXPECT_EQ(b.stat("axi_dma.mm2s.transfers"), 1u);
}

TEST(AxiDma, LengthWrittenWhileHaltedHasNoEffect) {
    DmaBench b;
    uint32_t sr = 0;
    b.script([&] {
        b.write(AXI_DMA_MM2S_SA, 0x0);
        b.write(AXI_DMA_MM2S_LENGTH, 16);  // RS = 0
        b.wait_until(sc_time(1, SC_US));
        sr = b.read(AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_HALTED);
    EXPECT_TRUE(b.sink.packets.empty());
    EXPECT_EQ(b.stat("axi_dma.mm2s.ignored_starts"), 1u);
}

TEST(AxiDma, IocIsWriteOneToClearAndIntroutFollowsTheEnables) {
    DmaBench b;
    b.load(0x0, pattern(16, 5));
    bool disabled = true, enabled = false, masked = true, reenabled = false, cleared = true;
    uint32_t after_zero_write = 0, after_clear = 0;
    b.script([&] {
        start_mm2s(b, 0x0, 16);
        poll_done(b, AXI_DMA_MM2S_DMASR);
        disabled = b.dma.mm2s_introut.level();
        const uint32_t cr = b.read(AXI_DMA_MM2S_DMACR);
        b.write(AXI_DMA_MM2S_DMACR, cr | AXI_DMA_CR_IOC_IRQ_EN);
        enabled = b.dma.mm2s_introut.level();
        b.write(AXI_DMA_MM2S_DMACR, cr);
        masked = b.dma.mm2s_introut.level();
        b.write(AXI_DMA_MM2S_DMACR, cr | AXI_DMA_CR_IOC_IRQ_EN);
        reenabled = b.dma.mm2s_introut.level();
        b.write(AXI_DMA_MM2S_DMASR, 0);  // writing 0 clears nothing
        after_zero_write = b.read(AXI_DMA_MM2S_DMASR);
        b.write(AXI_DMA_MM2S_DMASR, AXI_DMA_SR_IOC_IRQ);
        after_clear = b.read(AXI_DMA_MM2S_DMASR);
        cleared = b.dma.mm2s_introut.level();
    });
    sc_core::sc_start();
    EXPECT_FALSE(disabled);
    EXPECT_TRUE(enabled);
    EXPECT_FALSE(masked);
    EXPECT_TRUE(reenabled);
    EXPECT_TRUE(after_zero_write & AXI_DMA_SR_IOC_IRQ);
    EXPECT_EQ(after_clear, AXI_DMA_SR_IDLE);
    EXPECT_FALSE(cleared);
}

TEST(AxiDma, IntroutRisesAtCompletionWithoutARegisterRead) {
    DmaBench b;
    b.load(0x1000, pattern(64, 3));
    sc_time rose;
    b.dma.mm2s_introut.connect([&](bool level) {
        if (level) rose = sc_core::sc_time_stamp();
    });
    b.script([&] {
        b.write(AXI_DMA_MM2S_SA, 0x1000);
        b.write(AXI_DMA_MM2S_DMACR, AXI_DMA_CR_RS | AXI_DMA_CR_IOC_IRQ_EN);
        b.write(AXI_DMA_MM2S_LENGTH, 64);
    });
    sc_core::sc_start();
    EXPECT_EQ(rose, ns(144));  // the last beat's time (see the MM2S timing test)
}

// ------------------------------------------------------------------------------ errors

TEST(AxiDma, ZeroLengthIsDmaIntErrAndHalts) {
    DmaBench b;
    uint32_t sr = 0, cr = 0, sr_after_w1c = 0, sr_after_rs = 0;
    bool irq = false, irq_after_w1c = true;
    b.script([&] {
        b.write(AXI_DMA_MM2S_DMACR, AXI_DMA_CR_RS | AXI_DMA_CR_ERR_IRQ_EN);
        b.write(AXI_DMA_MM2S_LENGTH, 0);
        sr = b.read(AXI_DMA_MM2S_DMASR);
        cr = b.read(AXI_DMA_MM2S_DMACR);
        irq = b.dma.mm2s_introut.level();
        b.write(AXI_DMA_MM2S_DMASR, AXI_DMA_SR_ERR_IRQ);
        sr_after_w1c = b.read(AXI_DMA_MM2S_DMASR);
        irq_after_w1c = b.dma.mm2s_introut.level();
        b.write(AXI_DMA_MM2S_DMACR, cr | AXI_DMA_CR_RS);  // only a reset restarts it
        sr_after_rs = b.read(AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_INT_ERR | AXI_DMA_SR_ERR_IRQ);
    EXPECT_EQ(cr & AXI_DMA_CR_RS, 0u);
    EXPECT_TRUE(irq);
    EXPECT_EQ(sr_after_w1c, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_INT_ERR);
    EXPECT_FALSE(irq_after_w1c);
    EXPECT_EQ(sr_after_rs, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_INT_ERR);
    EXPECT_TRUE(b.sink.packets.empty());
    EXPECT_EQ(b.stat("axi_dma.mm2s.errors"), 1u);
}

TEST(AxiDma, SourceInUnmappedSpaceIsDmaDecErr) {
    DmaBench b;
    uint32_t sr = 0;
    b.script([&] {
        start_mm2s(b, kUnmapped, 16);
        sr = poll_done(b, AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_DEC_ERR | AXI_DMA_SR_ERR_IRQ);
    EXPECT_TRUE(b.sink.packets.empty());
    EXPECT_EQ(b.stat("axi_dma.mm2s.errors"), 1u);
    EXPECT_EQ(b.stat("axi_dma.mm2s.transfers"), 0u);
}

TEST(AxiDma, SlaveErrorIsDmaSlvErr) {
    DmaBench b;
    uint32_t sr = 0;
    b.script([&] {
        start_mm2s(b, kSlaveErrorBase, 16);
        sr = poll_done(b, AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_SLV_ERR | AXI_DMA_SR_ERR_IRQ);
    EXPECT_TRUE(b.sink.packets.empty());
}

TEST(AxiDma, S2mmWriteErrorIsReportedOnS2mm) {
    DmaBench b;
    uint32_t sr = 0, mm2s_sr = 0;
    b.source.send_at(SC_ZERO_TIME, pattern(32, 2));
    b.script([&] {
        arm_s2mm(b, kUnmapped, 32);
        sr = poll_done(b, AXI_DMA_S2MM_DMASR);
        mm2s_sr = b.read(AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_DEC_ERR | AXI_DMA_SR_ERR_IRQ);
    EXPECT_EQ(mm2s_sr, AXI_DMA_SR_HALTED);  // the channels are independent
    EXPECT_EQ(b.stat("axi_dma.s2mm.errors"), 1u);
}

TEST(AxiDma, UnalignedAddressWithoutDreIsDmaIntErr) {
    DmaBench b;
    uint32_t sr = 0;
    b.script([&] {
        start_mm2s(b, 0x1004, 16);  // 64-bit memory map: 8-byte alignment needed
        sr = b.read(AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_INT_ERR | AXI_DMA_SR_ERR_IRQ);
    EXPECT_TRUE(b.path.accesses.empty());
}

TEST(AxiDma, UnalignedAddressWithDreTransfers) {
    axi_dma::AxiDmaParams params;
    params.has_dre = true;
    DmaBench b(params);
    const std::vector<uint8_t> data = pattern(20, 11);
    b.load(0x1003, data);
    uint32_t sr = 0;
    b.script([&] {
        start_mm2s(b, 0x1003, 20);
        sr = poll_done(b, AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_IDLE | AXI_DMA_SR_IOC_IRQ);
    ASSERT_EQ(b.sink.packets.size(), 1u);
    EXPECT_EQ(b.sink.packets[0].data, data);
}

TEST(AxiDma, LengthBeyondTheRegisterWidthIsTruncated) {
    axi_dma::AxiDmaParams params;
    params.length_width_bits = 8;
    DmaBench b(params);
    uint32_t sr = 0, length = 0;
    b.script([&] {
        start_mm2s(b, 0x0, 256);  // the 8-bit field holds 0: DMAIntErr
        sr = b.read(AXI_DMA_MM2S_DMASR);
        length = b.read(AXI_DMA_MM2S_LENGTH);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_INT_ERR | AXI_DMA_SR_ERR_IRQ);
    EXPECT_EQ(length, 0u);
    EXPECT_EQ(b.dma.max_length_bytes(), 255u);
}

TEST(AxiDma, SoftResetClearsErrorsAndDiscardsATransferInFlight) {
    DmaBench b;
    b.sink.ready_at = sc_time(2, SC_US);
    b.load(0x0, pattern(32, 4));
    uint32_t sr_err_cleared = 0, sr_late = 0;
    b.script([&] {
        b.write(AXI_DMA_S2MM_DMACR, AXI_DMA_CR_RS);
        b.write(AXI_DMA_S2MM_LENGTH, 0);  // DMAIntErr on S2MM
        start_mm2s(b, 0x0, 32);           // stalls on the sink until 2 us
        b.write(AXI_DMA_MM2S_DMACR, AXI_DMA_CR_RESET);
        while (b.read(AXI_DMA_MM2S_DMACR) & AXI_DMA_CR_RESET) {
        }
        sr_err_cleared = b.read(AXI_DMA_S2MM_DMASR);
        b.wait_until(sc_time(3, SC_US));
        sr_late = b.read(AXI_DMA_MM2S_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr_err_cleared, AXI_DMA_SR_HALTED);
    EXPECT_EQ(sr_late, AXI_DMA_SR_HALTED);  // no Idle, no IOC from the discarded transfer
    EXPECT_EQ(b.stat("axi_dma.mm2s.transfers"), 0u);
}

// ------------------------------------------------------------------------------ S2MM

TEST(AxiDma, S2mmWritesTheStreamToMemoryAndReportsTheLength) {
    DmaBench b;
    const std::vector<uint8_t> data = pattern(48, 21);
    b.source.send_at(sc_time(1, SC_US), data);
    uint32_t sr = 0, length = 0;
    b.script([&] {
        arm_s2mm(b, 0x2000, 64);  // buffer larger than the packet
        sr = poll_done(b, AXI_DMA_S2MM_DMASR);
        length = b.read(AXI_DMA_S2MM_LENGTH);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_IDLE | AXI_DMA_SR_IOC_IRQ);
    EXPECT_EQ(length, 48u);  // PG021: bytes actually written
    EXPECT_EQ(b.dump(0x2000, 48), data);
    ASSERT_EQ(b.path.accesses.size(), 1u);
    EXPECT_EQ(b.path.accesses[0].command, tlm::TLM_WRITE_COMMAND);
    EXPECT_EQ(b.path.accesses[0].bytes, 48u);
    // 3 beats from 1 us at the sender's 8 ns pace.
    ASSERT_EQ(b.source.accepted.size(), 1u);
    EXPECT_EQ(b.source.accepted[0], sc_time(1, SC_US) + ns(16));
    EXPECT_EQ(b.stat("axi_dma.s2mm.transfers"), 1u);
    EXPECT_EQ(b.stat("axi_dma.s2mm.bytes"), 48u);
    EXPECT_EQ(b.stat("axi_dma.s2mm.wait_cycles"), 0u);
}

TEST(AxiDma, S2mmHoldsTheSenderUntilArmed) {
    DmaBench b;
    const std::vector<uint8_t> data = pattern(32, 8);
    b.source.send_at(SC_ZERO_TIME, data);
    sc_time armed;
    uint32_t sr = 0;
    b.script([&] {
        b.write(AXI_DMA_S2MM_DA, 0x3000);
        b.write(AXI_DMA_S2MM_DMACR, AXI_DMA_CR_RS);
        b.wait_until(sc_time(1, SC_US));
        b.write(AXI_DMA_S2MM_LENGTH, 32);
        armed = sc_core::sc_time_stamp();  // the write took effect (1016 ns)
        sr = poll_done(b, AXI_DMA_S2MM_DMASR);
    });
    sc_core::sc_start();
    EXPECT_EQ(armed, sc_time(1016, SC_NS));
    ASSERT_EQ(b.source.accepted.size(), 1u);
    EXPECT_EQ(b.source.accepted[0], armed + ns(8));  // 2 beats from the arming
    EXPECT_EQ(b.stat("axi_dma.s2mm.wait_cycles"), 127u);  // 0 .. 1016 ns
    EXPECT_EQ(sr, AXI_DMA_SR_IDLE | AXI_DMA_SR_IOC_IRQ);
    EXPECT_EQ(b.dump(0x3000, 32), data);
}

TEST(AxiDma, S2mmPacketLongerThanLengthWritesLengthAndFlagsDmaIntErr) {
    DmaBench b;
    const std::vector<uint8_t> data = pattern(64, 40);
    b.load(0x4000, std::vector<uint8_t>(64, 0xEE));
    b.source.send_at(SC_ZERO_TIME, data);
    uint32_t sr = 0, length = 0;
    b.script([&] {
        arm_s2mm(b, 0x4000, 32);
        sr = poll_done(b, AXI_DMA_S2MM_DMASR);
        length = b.read(AXI_DMA_S2MM_LENGTH);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_HALTED | AXI_DMA_SR_DMA_INT_ERR | AXI_DMA_SR_ERR_IRQ);
    EXPECT_EQ(length, 32u);
    const std::vector<uint8_t> mem = b.dump(0x4000, 64);
    EXPECT_TRUE(std::equal(data.begin(), data.begin() + 32, mem.begin()));
    EXPECT_EQ(std::vector<uint8_t>(mem.begin() + 32, mem.end()), std::vector<uint8_t>(32, 0xEE));
    EXPECT_EQ(b.source.accepted.size(), 1u);  // the sender is not left hanging
    EXPECT_EQ(b.stat("axi_dma.s2mm.overflows"), 1u);
}

TEST(AxiDma, S2mmPacketWithoutTlastContinuesTheTransfer) {
    DmaBench b;
    const std::vector<uint8_t> first = pattern(16, 1), second = pattern(16, 99);
    b.source.send_at(SC_ZERO_TIME, first, /*tlast=*/false);
    b.source.send_at(SC_ZERO_TIME, second, /*tlast=*/true);
    uint32_t sr = 0, length = 0;
    b.script([&] {
        arm_s2mm(b, 0x5000, 64);
        sr = poll_done(b, AXI_DMA_S2MM_DMASR);
        length = b.read(AXI_DMA_S2MM_LENGTH);
    });
    sc_core::sc_start();
    EXPECT_EQ(sr, AXI_DMA_SR_IDLE | AXI_DMA_SR_IOC_IRQ);
    EXPECT_EQ(length, 32u);
    EXPECT_EQ(b.dump(0x5000, 16), first);
    EXPECT_EQ(b.dump(0x5010, 16), second);
}

// -------------------------------------------------------------------- configuration

TEST(AxiDma, ParamsComeFromTheConfigurationAndWidthsMustBePowersOfTwo) {
    vp::ConfigSchema schema;
    axi_dma::AxiDmaParams::declare(schema);
    vp::Config config(schema);
    const axi_dma::AxiDmaParams defaults = axi_dma::AxiDmaParams::from_config(config);
    EXPECT_EQ(defaults.clock_hz, 125e6);
    EXPECT_EQ(defaults.length_width_bits, 23u);
    EXPECT_EQ(defaults.mm_data_width_bytes, 8u);
    EXPECT_EQ(defaults.stream_width_bytes, 16u);
    EXPECT_EQ(defaults.max_burst_beats, 16u);
    EXPECT_FALSE(defaults.has_dre);
    config.set_assignment("axi_dma.length_width_bits=26");
    EXPECT_EQ(axi_dma::AxiDmaParams::from_config(config).length_width_bits, 26u);
    EXPECT_THROW(config.set_assignment("axi_dma.length_width_bits=27"), vp::ConfigError);
    config.set_assignment("axi_dma.mm_data_width_bytes=12");
    EXPECT_THROW(axi_dma::AxiDmaParams::from_config(config), vp::ConfigError);
}

TEST(AxiDma, CountersAreRegisteredUnderTheModuleName) {
    DmaBench b;
    for (const char* dir : {"mm2s", "s2mm"})
        for (const char* c : {"transfers", "bytes", "errors", "ignored_starts", "busy_cycles"})
            EXPECT_TRUE(b.stats.has(std::string("axi_dma.") + dir + "." + c)) << dir << "." << c;
    EXPECT_TRUE(b.stats.has("axi_dma.s2mm.wait_cycles"));
    EXPECT_TRUE(b.stats.has("axi_dma.s2mm.overflows"));
}

// ==================================================================== the C driver

// The test HAL (hal_read32/hal_write32 of the driver, renamed above): register accesses
// of the driver become bus transactions of the bench's CPU thread. Fault injection lets a test fake hardware the model does not build.
namespace {
struct TestHal {
    DmaBench* bench = nullptr;
    unsigned reads = 0, writes = 0;
    bool fake_sg_build = false;       // DMASR reads with SGIncld = 1
    bool reset_never_clears = false;  // DMACR reads with Reset = 1
} hal;

uint32_t dma_offset(uint32_t addr) {
    EXPECT_GE(addr, kDmaBase);
    EXPECT_LT(addr, kDmaBase + 0x400);
    return addr - kDmaBase;
}
}  // namespace

uint32_t test_hal_read32(uint32_t addr) {
    ++hal.reads;
    const uint32_t offset = dma_offset(addr);
    uint32_t v = hal.bench->read(offset);
    if (hal.fake_sg_build && (offset & 0x3F) == AXI_DMA_CH_DMASR) v |= AXI_DMA_SR_SG_INCLD;
    if (hal.reset_never_clears && (offset & 0x3F) == AXI_DMA_CH_DMACR) v |= AXI_DMA_CR_RESET;
    return v;
}
void test_hal_write32(uint32_t addr, uint32_t value) {
    ++hal.writes;
    hal.bench->write(dma_offset(addr), value);
}

using namespace drv;  // the driver's functions and codes (its type is named drv::axi_dma)

namespace {
constexpr uint32_t kMaxLength = (1u << 23) - 1;
}

TEST(AxiDmaDriver, InitTransferAndWaitMoveDataBothWays) {
    DmaBench b;
    hal.bench = &b;
    const std::vector<uint8_t> input = pattern(16, 1), output = pattern(32, 77);
    b.load(0x1000, input);
    b.source.send_at(sc_time(2, SC_US), output);
    int rc_init = 1, rc_mm2s = 1, rc_mm2s_wait = 1, rc_s2mm = 1, rc_s2mm_wait = 1;
    uint32_t cr = 0;
    drv::axi_dma dma;
    b.script([&] {
        rc_init = axi_dma_init(&dma, kDmaBase, 8, kMaxLength);
        rc_mm2s = axi_dma_transfer(&dma, AXI_DMA_MM2S, 0x1000, 16);
        rc_mm2s_wait = axi_dma_wait_idle(&dma, AXI_DMA_MM2S, 1000);
        rc_s2mm = axi_dma_transfer(&dma, AXI_DMA_S2MM, 0x2000, 32);
        rc_s2mm_wait = axi_dma_wait_idle(&dma, AXI_DMA_S2MM, 1000);
        cr = b.read(AXI_DMA_MM2S_DMACR);
    });
    sc_core::sc_start();
    EXPECT_EQ(rc_init, AXI_DMA_OK);
    EXPECT_EQ(rc_mm2s, AXI_DMA_OK);
    EXPECT_EQ(rc_mm2s_wait, AXI_DMA_OK);
    EXPECT_EQ(rc_s2mm, AXI_DMA_OK);
    EXPECT_EQ(rc_s2mm_wait, AXI_DMA_OK);
    EXPECT_EQ(cr, 0x00010003u);  // as on the board: RS set by read-modify-write
    ASSERT_EQ(b.sink.packets.size(), 1u);
    EXPECT_EQ(b.sink.packets[0].data, input);
    EXPECT_EQ(b.dump(0x2000, 32), output);
}

TEST(AxiDmaDriver, RejectsBadArgumentsWithoutTouchingTheDevice) {
    DmaBench b;
    hal.bench = &b;
    int rc_zero = 0, rc_long = 0, rc_unaligned = 0, rc_dir = 0, rc_width = 0;
    unsigned accesses = 1;
    drv::axi_dma dma;
    b.script([&] {
        axi_dma_init(&dma, kDmaBase, 8, 1024);
        const unsigned before = hal.reads + hal.writes;
        rc_zero = axi_dma_transfer(&dma, AXI_DMA_MM2S, 0x1000, 0);
        rc_long = axi_dma_transfer(&dma, AXI_DMA_MM2S, 0x1000, 1025);
        rc_unaligned = axi_dma_transfer(&dma, AXI_DMA_S2MM, 0x1004, 16);
        rc_dir = axi_dma_transfer(&dma, static_cast<axi_dma_dir>(7), 0x1000, 16);
        accesses = hal.reads + hal.writes - before;
        drv::axi_dma other;
        rc_width = axi_dma_init(&other, kDmaBase, 12, 1024);
    });
    sc_core::sc_start();
    EXPECT_EQ(rc_zero, AXI_DMA_EINVAL);
    EXPECT_EQ(rc_long, AXI_DMA_EINVAL);
    EXPECT_EQ(rc_unaligned, AXI_DMA_EINVAL);
    EXPECT_EQ(rc_dir, AXI_DMA_EINVAL);
    EXPECT_EQ(rc_width, AXI_DMA_EINVAL);
    EXPECT_EQ(accesses, 0u);
}

TEST(AxiDmaDriver, ReportsBusyAndTimesOut) {
    DmaBench b;
    hal.bench = &b;
    b.sink.ready_at = sc_time(10, SC_US);
    b.load(0x0, pattern(32, 3));
    int rc_second = 0, busy = 0, rc_timeout = 0, rc_done = 1, idle_busy = 1;
    drv::axi_dma dma;
    b.script([&] {
        axi_dma_init(&dma, kDmaBase, 8, kMaxLength);
        axi_dma_transfer(&dma, AXI_DMA_MM2S, 0x0, 32);
        rc_second = axi_dma_transfer(&dma, AXI_DMA_MM2S, 0x0, 32);
        busy = axi_dma_busy(&dma, AXI_DMA_MM2S);
        rc_timeout = axi_dma_wait_idle(&dma, AXI_DMA_MM2S, 5);
        rc_done = axi_dma_wait_idle(&dma, AXI_DMA_MM2S, 100000);
        idle_busy = axi_dma_busy(&dma, AXI_DMA_MM2S);
    });
    sc_core::sc_start();
    EXPECT_EQ(rc_second, AXI_DMA_EBUSY);
    EXPECT_EQ(busy, 1);
    EXPECT_EQ(rc_timeout, AXI_DMA_ETIMEOUT);
    EXPECT_EQ(rc_done, AXI_DMA_OK);
    EXPECT_EQ(idle_busy, 0);
    EXPECT_EQ(b.sink.packets.size(), 1u);
}

TEST(AxiDmaDriver, ReportsEachDeviceErrorAndRecoversByReset) {
    DmaBench b;
    hal.bench = &b;
    b.source.send_at(SC_ZERO_TIME, pattern(64, 5));  // longer than the S2MM buffer below
    struct Seen {
        int start = 1, wait = 1, again = 1;
        uint32_t bits = 0;
        std::string text;
    } dec, slv, intl;
    uint32_t bits_after_reset = 1;
    int rc_reset = 1, rc_after_reset = 1;
    drv::axi_dma dma;
    auto run = [&](Seen& s, axi_dma_dir dir, uint32_t addr, uint32_t length) {
        s.start = axi_dma_transfer(&dma, dir, addr, length);
        s.wait = axi_dma_wait_idle(&dma, dir, 100000);
        s.bits = axi_dma_error_bits(&dma, dir);
        s.text = axi_dma_error_string(s.wait);
        s.again = axi_dma_transfer(&dma, dir, addr, length);
    };
    b.script([&] {
        axi_dma_init(&dma, kDmaBase, 8, kMaxLength);
        run(dec, AXI_DMA_MM2S, kUnmapped, 16);
        axi_dma_reset(&dma);
        run(slv, AXI_DMA_MM2S, kSlaveErrorBase, 16);
        axi_dma_reset(&dma);
        run(intl, AXI_DMA_S2MM, 0x2000, 32);
        rc_reset = axi_dma_reset(&dma);
        bits_after_reset = axi_dma_error_bits(&dma, AXI_DMA_S2MM);
        rc_after_reset = axi_dma_transfer(&dma, AXI_DMA_MM2S, 0x0, 16);
    });
    sc_core::sc_start();
    const struct {
        const Seen& seen;
        int code;
        uint32_t bit;
        const char* name;
    } expected[] = {{dec, AXI_DMA_EDECERR, AXI_DMA_SR_DMA_DEC_ERR, "DMADecErr"},
                    {slv, AXI_DMA_ESLVERR, AXI_DMA_SR_DMA_SLV_ERR, "DMASlvErr"},
                    {intl, AXI_DMA_EINTERR, AXI_DMA_SR_DMA_INT_ERR, "DMAIntErr"}};
    for (const auto& e : expected) {
        EXPECT_EQ(e.seen.start, AXI_DMA_OK) << e.name;  // the device accepts the start ...
        EXPECT_EQ(e.seen.wait, e.code) << e.name;      // ... and reports the error
        EXPECT_EQ(e.seen.bits, e.bit) << e.name;
        EXPECT_EQ(axi_dma_error_code(e.bit), e.code) << e.name;
        EXPECT_EQ(e.seen.text.rfind(e.name, 0), 0u) << e.seen.text;
        EXPECT_EQ(e.seen.again, e.code) << e.name << ": a channel stopped by an error needs a reset";
    }
    EXPECT_EQ(rc_reset, AXI_DMA_OK);
    EXPECT_EQ(bits_after_reset, 0u);
    EXPECT_EQ(rc_after_reset, AXI_DMA_OK);
    EXPECT_STREQ(axi_dma_error_string(AXI_DMA_OK), "no error");
    EXPECT_EQ(axi_dma_error_code(0), AXI_DMA_OK);
}

TEST(AxiDmaDriver, InitRefusesScatterGatherAndAResetThatNeverEnds) {
    DmaBench b;
    hal.bench = &b;
    int rc_sg = 0, rc_reset = 0;
    drv::axi_dma dma;
    b.script([&] {
        hal.fake_sg_build = true;
        rc_sg = axi_dma_init(&dma, kDmaBase, 8, kMaxLength);
        hal.fake_sg_build = false;
        hal.reset_never_clears = true;
        rc_reset = axi_dma_init(&dma, kDmaBase, 8, kMaxLength);
        hal.reset_never_clears = false;
    });
    sc_core::sc_start();
    EXPECT_EQ(rc_sg, AXI_DMA_ENODEV);
    EXPECT_EQ(rc_reset, AXI_DMA_ETIMEOUT);
    EXPECT_NE(std::string(axi_dma_error_string(AXI_DMA_ETIMEOUT)).find("poll budget"), std::string::npos);
}
