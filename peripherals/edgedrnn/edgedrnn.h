// EdgeDRNN delta-GRU accelerator (Gao et al., 2020) as a loosely timed TLM-2.0 model with
// the RTL's five interfaces (SPEC 1):
//   axil            AXI4-Lite target, the 32 configuration registers (SPEC 2)
//   s_axis_input    input stream target, 128-bit beats of 8 x Q8.8 (from AXI DMA MM2S)
//   m_axis_output   output stream initiator, 128-bit beats (to AXI DMA S2MM)
//   m_axi_weights   DataMover weight fetch: one read of 3H bytes per passing delta
//                   (the column command and the 64-bit weight stream folded into one
//                   memory read, SPEC 5.6)
//
// Behaviour: the arrival of input data starts a time step (there is no start register);
// the model computes all layers bit-exactly (SPEC 4) from the weight bytes it fetched,
// and times the step with the cycle model of SPEC 5.4 driven by when each fetch's data
// arrived. Outputs of the last layer leave on the output stream; the step ends with the
// last output beat, and the next layer-1 BIAS follows one cycle later.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "peripherals/edgedrnn/delta_gru_datapath.h"
#include "peripherals/edgedrnn/edgedrnn_registers.h"
#include "peripherals/edgedrnn/layer_schedule.h"

namespace vp {
class Stats;
struct ReadInPlace;
struct AxisExtension;
class ConfigSchema;
class Config;
}  // namespace vp

namespace edgedrnn {

struct EdgeDrnnParams {
    double clock_hz = 125e6;
    unsigned num_pe = 8;                   // the RTL's 8; more is a timing what-if (edgedrnn.num_pe)
    unsigned max_layers = 4;
    unsigned min_hidden = 16;
    unsigned max_hidden = 1024;
    unsigned max_input = 1024;
    unsigned fifo_depth = 32;              // NZV / NZI FIFO entries
    unsigned command_queue_depth = 4;      // DataMover command FIFO [not in repo]
    unsigned register_access_cycles = 2;   // AXI-Lite slave latency
    sc_core::sc_time quantum = sc_core::sc_time(1, sc_core::SC_US);

    static void declare(vp::ConfigSchema& schema);
    static EdgeDrnnParams from_config(const vp::Config& config);
};

// Per-step record, kept for reports and tests.
struct StepRecord {
    uint64_t start_cycle = 0;       // layer-1 BIAS (or one cycle before late input)
    uint64_t last_output_cycle = 0;
    uint32_t columns = 0;           // fetched, bias included
    uint32_t bias_columns = 0;
};

class EdgeDrnn : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<EdgeDrnn> axil;
    tlm_utils::simple_target_socket<EdgeDrnn> s_axis_input;
    tlm_utils::simple_initiator_socket<EdgeDrnn> m_axis_output;
    tlm_utils::simple_initiator_socket<EdgeDrnn> m_axi_weights;

    EdgeDrnn(sc_core::sc_module_name name, const EdgeDrnnParams& params, vp::Stats& stats);

    // rst_n pulse: registers to reset values, FSMs and FIFOs cleared, bias re-armed; the
    // state RAMs keep their contents (SPEC 4.8).
    void pl_reset();

    const std::vector<StepRecord>& steps() const { return steps_; }
    EdgeDrnnRegisters& registers() { return regs_; }
    const DeltaGruDatapath& datapath() const { return datapath_; }

private:
    struct Shape {
        unsigned layers = 0;
        unsigned input = 0;          // SIZE_0 as programmed
        unsigned input_scan = 0;     // items the layer-1 encoder scans (SPEC 6: I + I mod 8)
        std::array<unsigned, kMaxLayers> hidden{};
        int16_t thx = 0, thh = 0;
        uint32_t weight_base = 0;
    };
    struct InputBeat {
        std::array<int16_t, 8> lanes;
        int64_t valid_cycle;
    };
    // A job in the NZV/NZI FIFOs (visible at e_n) whose weight fetch, or zero marker, is
    // still to be done (run_layer).
    struct EnteredJob {
        int64_t visible;
        uint32_t index;  // weight column (columns only)
        int16_t delta;
        ColumnPhase phase;
        bool marker;
    };
    struct InputWaiter {
        uint64_t last_beat_seq;
        sc_core::sc_event* done;
    };

    void thread();
    bool latch_shape(Shape& shape);  // false (with a warning) when a step cannot start
    void run_step(const Shape& shape);
    int64_t run_layer(const Shape& shape, unsigned layer, int64_t bias_cycle, int64_t& last_output);
    int64_t fetch_column(uint32_t address, unsigned bytes, int64_t command_cycle);
    void fetch_yielded();  // the memory path waited inside a fetch: stop deferring columns
    void consume_input_beat(int64_t cycle);
    int64_t send_output(const int16_t* h, unsigned hidden, int64_t first_beat_cycle);
    void sync_to(int64_t cycle);

    void axil_b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void input_b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);

    int64_t cycle_ceil(const sc_core::sc_time& t) const;
    // Cycle -> time in integer time units (the same value as period_ * cycle in double,
    // which is exact below 2^53 units, without the double round trip).
    uint64_t units_of(int64_t cycle) const { return period_.value() * static_cast<uint64_t>(cycle); }
    sc_core::sc_time time_of(int64_t cycle) const { return sc_core::sc_time::from_value(units_of(cycle)); }

    EdgeDrnnParams params_;
    sc_core::sc_time period_;
    EdgeDrnnRegisters regs_;
    DeltaGruDatapath datapath_;
    LayerSchedule schedule_;

    // Input stream state.
    std::deque<InputBeat> input_;
    uint64_t input_pushed_ = 0;      // beats received since time 0
    uint64_t input_consumed_ = 0;
    std::deque<InputWaiter> input_waiters_;
    sc_core::sc_event input_event_;  // data arrived or registers changed
    std::array<int16_t, kMaxElements + 8> x_scan_{};  // layer-1 inputs of the current step

    // Sequencing.
    bool running_ = false;           // left IDLE since the last reset
    std::array<bool, kMaxLayers> bias_pending_{};  // re-armed by reset (SPEC 4.8)
    int64_t next_bias_cycle_ = 0;
    int64_t busy_until_cycle_ = -1;  // end of the step in flight (register-write warning)

    // Weight fetch.
    std::vector<EnteredJob> entered_;  // this layer's jobs in scan order
    tlm::tlm_generic_payload fetch_;
    // 3H bytes each, used in turn: the datapath may still hold the previous columns.
    std::array<std::vector<int8_t>, DeltaGruDatapath::kMaxDeferredColumns + 1> columns_buffer_;
    unsigned next_buffer_ = 0;
    vp::ReadInPlace* read_in_place_ = nullptr;  // on fetch_ (which owns it)
    const int8_t* fetched_ = nullptr;           // the last column: in memory or a buffer
    tlm::tlm_generic_payload out_trans_;
    vp::AxisExtension* out_axis_ = nullptr;  // on out_trans_ (which owns it)
    std::vector<uint8_t> out_data_;

    std::vector<StepRecord> steps_;

    // Counters (stats registry).
    uint64_t timesteps_ = 0, columns_ = 0, bias_columns_ = 0, possible_columns_ = 0;
    uint64_t cycles_ = 0, cycles_min_ = 0, cycles_max_ = 0, weight_bytes_ = 0, fetch_errors_ = 0, stall_cycles_ = 0;
    uint64_t fetch_yields_ = 0;
    uint64_t input_wait_cycles_ = 0, output_wait_cycles_ = 0;
    uint64_t markers_ = 0;
    std::array<uint64_t, kMaxLayers> dx_{}, dh_{};
};

}  // namespace edgedrnn
