#include "peripherals/edgedrnn/edgedrnn.h"

#include <algorithm>
#include <cstring>
#include <sstream>

#include "peripherals/edgedrnn/gru_arith.h"
#include "software/include/hw/edgedrnn_regs.h"
#include "vp/common/log.h"
#include "vp/config/config.h"
#include "vp/interconnect/axi_extension.h"
#include "vp/memory/read_in_place.h"
#include "vp/stats/stats.h"
#include "vp/stream/axis.h"

namespace edgedrnn {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

// ------------------------------------------------------------------------- parameters

void EdgeDrnnParams::declare(vp::ConfigSchema& s) {
    s.add_uint("edgedrnn.clock_hz", 125000000, "Hz", "accelerator (PL) clock; the paper's MiniZed design runs at 125 MHz", 1e6, 1e10);
    s.add_uint("edgedrnn.num_pe", 8, "PEs",
               "processing elements: 8 is the RTL; 16..256 (a power of two) is a what-if of a wider "
               "datapath (one weight byte per PE per cycle, H / num_pe neurons per activation round), "
               "outputs stay bit-exact",
               8, 256);
    s.add_uint("edgedrnn.max_layers", 4, "layers", "largest NUM_LAYER the hardware takes", 1, 4);
    s.add_uint("edgedrnn.min_hidden", 16, "neurons", "smallest hidden size within SPEC 6's limits", 8, 1024);
    s.add_uint("edgedrnn.max_hidden", 1024, "neurons", "largest hidden size (state RAM rows)", 16, 1024);
    s.add_uint("edgedrnn.max_input", 1024, "elements", "largest layer-1 input size", 8, 1024);
    s.add_uint("edgedrnn.fifo_depth", 32, "entries", "NZV/NZI FIFO depth; the encoder stalls when full", 1, 4096);
    s.add_uint("edgedrnn.datamover_queue_depth", 4, "commands", "DataMover command FIFO depth (not in the repository; Xilinx default)", 1, 1024);
    s.add_uint("edgedrnn.register_access_cycles", 2, "cycles", "AXI-Lite register slave latency", 0, 100);
    s.add_uint("edgedrnn.quantum_ns", 0, "ns",
               "how far the accelerator may run ahead of SystemC time (0: sim.quantum_ns). Longer "
               "saves a context switch per weight column, but the accelerator then books shared "
               "memory ahead of the other masters (call order): alone it changes nothing, beside "
               "traffic.enable it starves the generator",
               0, 1e9);
}

EdgeDrnnParams EdgeDrnnParams::from_config(const vp::Config& c) {
    EdgeDrnnParams p;
    p.clock_hz = static_cast<double>(c.get_uint("edgedrnn.clock_hz"));
    p.num_pe = static_cast<unsigned>(c.get_uint("edgedrnn.num_pe"));
    if ((p.num_pe & (p.num_pe - 1)) != 0)
        throw vp::ConfigError(c.origin("edgedrnn.num_pe") + ": edgedrnn.num_pe = " + std::to_string(p.num_pe) +
                              ": expected a power of two from 8 to 256 (whole lanes of the 8-PE design)");
    p.max_layers = static_cast<unsigned>(c.get_uint("edgedrnn.max_layers"));
    p.min_hidden = static_cast<unsigned>(c.get_uint("edgedrnn.min_hidden"));
    p.max_hidden = static_cast<unsigned>(c.get_uint("edgedrnn.max_hidden"));
    p.max_input = static_cast<unsigned>(c.get_uint("edgedrnn.max_input"));
    p.fifo_depth = static_cast<unsigned>(c.get_uint("edgedrnn.fifo_depth"));
    p.command_queue_depth = static_cast<unsigned>(c.get_uint("edgedrnn.datamover_queue_depth"));
    p.register_access_cycles = static_cast<unsigned>(c.get_uint("edgedrnn.register_access_cycles"));
    const uint64_t quantum_ns = c.get_uint("edgedrnn.quantum_ns");
    p.quantum = sc_time(static_cast<double>(quantum_ns ? quantum_ns : c.get_uint("sim.quantum_ns")), sc_core::SC_NS);
    return p;
}

// ----------------------------------------------------------------------------- module

EdgeDrnn::EdgeDrnn(sc_core::sc_module_name name, const EdgeDrnnParams& params, vp::Stats& stats)
    : sc_module(name),
      axil("axil"),
      s_axis_input("s_axis_input"),
      m_axis_output("m_axis_output"),
      m_axi_weights("m_axi_weights"),
      params_(params),
      period_(sc_time(1.0 / params.clock_hz, sc_core::SC_SEC)),
      regs_(basename(), RegisterLimits{params.max_layers, params.min_hidden, params.max_hidden,
                                       params.max_input}),
      schedule_(params.fifo_depth, params.command_queue_depth),
      out_data_(2 * kMaxElements) {
    axil.register_b_transport(this, &EdgeDrnn::axil_b_transport);
    s_axis_input.register_b_transport(this, &EdgeDrnn::input_b_transport);
    for (std::vector<int8_t>& buffer : columns_buffer_) buffer.resize(3 * kMaxElements);
    entered_.reserve(2 * kMaxElements + 3);  // a layer's jobs: bias, inputs, hidden, two markers
    regs_.on_change([this] { input_event_.notify(SC_ZERO_TIME); });
    bias_pending_.fill(true);
    SC_HAS_PROCESS(EdgeDrnn);
    SC_THREAD(thread);
    // The DataMover's weight reads: INCR bursts at the port's width and burst limit,
    // AxCACHE = 0011 (the DataMover's default: bufferable, modifiable), QoS 0.
    vp::attach_axi_extension(fetch_, "edgedrnn.weights", 0).cache = 0x3;
    // The MAC uses a column before the next wait: the memory may lend its storage. The
    // payload owns (and frees) its extensions.
    read_in_place_ = new vp::ReadInPlace;
    fetch_.set_extension(read_in_place_);
    // The output stream's too, for good: an output the DMA never takes (the simulation
    // ended while it stalled) must not leave the payload pointing at a dead stack object.
    out_axis_ = new vp::AxisExtension;
    out_trans_.set_extension(out_axis_);

    const std::string n = basename();
    stats.add_counter(n + ".timesteps", &timesteps_, "steps", "time steps computed");
    stats.add_counter(n + ".columns", &columns_, "columns", "weight columns fetched, bias included");
    stats.add_counter(n + ".bias_columns", &bias_columns_, "columns", "bias columns fetched");
    stats.add_counter(n + ".possible_columns", &possible_columns_, "columns",
                      "input and hidden columns a dense GRU would fetch (bias excluded)");
    stats.add_derived(n + ".sparsity", [this] {
        return possible_columns_ ? 1.0 - static_cast<double>(columns_ - bias_columns_) /
                                             static_cast<double>(possible_columns_) : 0.0;
    }, "", "1 - fetched / possible columns, bias excluded (SPEC 8)");
    stats.add_counter(n + ".cycles", &cycles_, "cycles",
                      "accelerator cycles, layer-1 BIAS to last output beat, summed over steps");
    stats.add_derived(n + ".cycles_per_step", [this] {
        return timesteps_ ? static_cast<double>(cycles_) / static_cast<double>(timesteps_) : 0.0;
    }, "cycles", "mean cycles per time step");
    stats.add_counter(n + ".cycles_min", &cycles_min_, "cycles", "fewest cycles of one time step");
    stats.add_counter(n + ".cycles_max", &cycles_max_, "cycles", "most cycles of one time step");
    stats.add_counter(n + ".weight_bytes", &weight_bytes_, "bytes", "weight bytes fetched");
    stats.add_counter(n + ".fetch_errors", &fetch_errors_, "", "weight fetches answered with a bus error");
    stats.add_counter(n + ".fetch_yields", &fetch_yields_, "",
                      "weight fetches during which the memory path let other processes run (then no column waits)");
    stats.add_counter(n + ".fifo_stall_cycles", &stall_cycles_, "cycles", "encoder stalls on a full NZV FIFO");
    stats.add_counter(n + ".input_wait_cycles", &input_wait_cycles_, "cycles",
                      "cycles the encoder waited for input beats (excluded from cycles)");
    stats.add_counter(n + ".output_wait_cycles", &output_wait_cycles_, "cycles",
                      "cycles the activation held for output back-pressure");
    for (unsigned l = 0; l < kMaxLayers; ++l) {
        const std::string layer = n + ".l" + std::to_string(l + 1);
        stats.add_counter(layer + ".dx", &dx_[l], "deltas", "passing input deltas of this layer");
        stats.add_counter(layer + ".dh", &dh_[l], "deltas", "passing hidden deltas of this layer");
    }
}

int64_t EdgeDrnn::cycle_ceil(const sc_time& t) const {
    const uint64_t p = period_.value();
    return static_cast<int64_t>((t.value() + p - 1) / p);
}

void EdgeDrnn::pl_reset() {
    regs_.bank.reset_all();
    bias_pending_.fill(true);
    running_ = false;  // back to IDLE: the next step starts when input arrives
}

void EdgeDrnn::sync_to(int64_t cycle) {
    // Temporal decoupling: run ahead of SystemC time by at most one quantum.
    const sc_time target = time_of(cycle);
    if (target > sc_core::sc_time_stamp() + params_.quantum) {
        datapath_.flush_deferred();  // other initiators run now: they may write the weights
        wait(target - sc_core::sc_time_stamp());
    }
}

// ------------------------------------------------------------------------ bus targets

void EdgeDrnn::axil_b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
    if (trans.is_write() && (trans.get_address() & 0x7F) <= EDGEDRNN_SIZE_4 &&
        cycle_ceil(sc_core::sc_time_stamp() + delay) <= busy_until_cycle_)
        vp::log_warning_once(name(), "write-while-busy",
                             "configuration register written while a time step is running "
                             "(SPEC 2 forbids it); the step in flight keeps the values it started with");
    regs_.bank.transport(trans);
    delay += period_ * static_cast<double>(params_.register_access_cycles);
}

void EdgeDrnn::input_b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
    // Synchronise: the beats become valid at the sender's local time.
    wait(delay);
    delay = SC_ZERO_TIME;
    const vp::AxisExtension* ext = trans.get_extension<vp::AxisExtension>();
    const sc_time interval = ext ? ext->beat_interval : period_;
    if (ext && ext->beat_bytes != EDGEDRNN_STREAM_BEAT_BYTES)
        vp::log_warning_once(name(), "input-width",
                             "input stream beats of " + std::to_string(ext->beat_bytes) +
                                 " bytes; EdgeDRNN's input port is 128 bits (16 bytes) wide");
    const unsigned len = trans.get_data_length();
    const unsigned char* data = trans.get_data_ptr();
    const unsigned beats = vp::axis_beats(len, EDGEDRNN_STREAM_BEAT_BYTES);
    if (len % EDGEDRNN_STREAM_BEAT_BYTES)
        vp::log_warning_once(name(), "partial-beat",
                             "input packet of " + std::to_string(len) +
                                 " bytes ends in a partial 128-bit beat; missing lanes read as 0");
    const sc_time now = sc_core::sc_time_stamp();
    for (unsigned b = 0; b < beats; ++b) {
        InputBeat beat{};
        uint8_t raw[EDGEDRNN_STREAM_BEAT_BYTES] = {};
        const unsigned n = std::min(EDGEDRNN_STREAM_BEAT_BYTES, len - b * EDGEDRNN_STREAM_BEAT_BYTES);
        std::memcpy(raw, data + b * EDGEDRNN_STREAM_BEAT_BYTES, n);
        for (unsigned i = 0; i < 8; ++i)
            beat.lanes[i] = static_cast<int16_t>(raw[2 * i] | (raw[2 * i + 1] << 8));
        beat.valid_cycle = cycle_ceil(now + interval * static_cast<double>(b));
        input_.push_back(beat);
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
    if (beats == 0) return;
    input_pushed_ += beats;
    // TREADY: the transfer completes when the encoder has taken the last beat.
    sc_core::sc_event taken;
    input_waiters_.push_back({input_pushed_ - 1, &taken});
    input_event_.notify(SC_ZERO_TIME);
    wait(taken);
}

void EdgeDrnn::consume_input_beat(int64_t cycle) {
    input_.pop_front();
    const uint64_t seq = input_consumed_++;
    while (!input_waiters_.empty() && input_waiters_.front().last_beat_seq <= seq) {
        const sc_time when = time_of(cycle);
        const sc_time now = sc_core::sc_time_stamp();
        input_waiters_.front().done->notify(when > now ? when - now : SC_ZERO_TIME);
        input_waiters_.pop_front();
    }
}

// ------------------------------------------------------------------------- sequencing

bool EdgeDrnn::latch_shape(Shape& s) {
    s.layers = regs_.layers_field();
    if (s.layers < 1 || s.layers > params_.max_layers) {
        vp::log_warning_once(name(), "bad-layers",
                             "input arrived but NUM_LAYER = " + std::to_string(s.layers) +
                                 " is outside 1.." + std::to_string(params_.max_layers) +
                                 ": no time step starts (the input stream stalls)");
        return false;
    }
    s.input = regs_.size_field(0);
    s.input_scan = s.input + s.input % 8;  // the RTL's padding logic (SPEC 6)
    if (s.input == 0 || s.input_scan % 8 != 0 || s.input_scan > params_.max_input) {
        vp::log_warning_once(name(), "bad-input",
                             "input arrived but SIZE_0 = " + std::to_string(s.input) +
                                 " makes the encoder scan " + std::to_string(s.input_scan) +
                                 " items, not a multiple of 8 up to " +
                                 std::to_string(params_.max_input) +
                                 ": the step never completes (SPEC 6)");
        return false;
    }
    for (unsigned l = 0; l < s.layers; ++l) {
        const unsigned h = regs_.size_field(l + 1);
        if (h == 0 || h % 8 != 0 || h > params_.max_hidden) {
            vp::log_warning_once(name(), "bad-hidden",
                                 "input arrived but SIZE_" + std::to_string(l + 1) + " = " +
                                     std::to_string(h) + " is not a multiple of 8 in 8.." +
                                     std::to_string(params_.max_hidden) +
                                     ": no time step starts (SPEC 6)");
            return false;
        }
        if (params_.num_pe > 8 && (h % params_.num_pe != 0 || h < 2 * params_.num_pe)) {
            vp::log_warning_once(name(), "hidden-vs-pe",
                                 "input arrived but SIZE_" + std::to_string(l + 1) + " = " +
                                     std::to_string(h) + " is not a multiple of edgedrnn.num_pe = " +
                                     std::to_string(params_.num_pe) +
                                     " with at least two activation rounds: no time step starts");
            return false;
        }
        s.hidden[l] = h;
        if (l > 0 && h < s.hidden[l - 1])
            vp::log_warning_once(name(), "decreasing-hidden",
                                 "hidden sizes decrease from layer " + std::to_string(l) +
                                     " to " + std::to_string(l + 1) +
                                     ": the hardware's weight address ranges overlap (SPEC 3.1)");
    }
    s.thx = threshold_from_register(regs_.thx.value());
    s.thh = threshold_from_register(regs_.thh.value());
    s.weight_base = regs_.w_baseaddr.value();
    return true;
}

void EdgeDrnn::thread() {
    for (;;) {
        Shape shape;
        while (input_.empty() || !latch_shape(shape)) wait(input_event_);
        run_step(shape);
    }
}

void EdgeDrnn::run_step(const Shape& shape) {
    const int64_t first_valid = input_.front().valid_cycle;
    // From IDLE the FSM passes FB then BIAS after the first beat is valid; afterwards
    // layer-1 BIAS follows the previous step's last output beat.
    const int64_t bias1 = running_ ? next_bias_cycle_ : first_valid + 2;
    running_ = true;
    StepRecord rec;
    rec.start_cycle = static_cast<uint64_t>(std::max(bias1, first_valid - 1));
    input_wait_cycles_ += static_cast<uint64_t>(std::max<int64_t>(0, first_valid - 1 - bias1));
    const uint64_t columns_before = columns_, bias_before = bias_columns_;

    int64_t bias = bias1;
    int64_t last_output = bias1;
    for (unsigned l = 0; l < shape.layers; ++l) {
        bias = run_layer(shape, l, bias, last_output);
        possible_columns_ += (l == 0 ? shape.input : shape.hidden[l - 1]) + shape.hidden[l];
    }
    next_bias_cycle_ = bias;
    busy_until_cycle_ = last_output;
    rec.last_output_cycle = static_cast<uint64_t>(last_output);
    rec.columns = static_cast<uint32_t>(columns_ - columns_before);
    rec.bias_columns = static_cast<uint32_t>(bias_columns_ - bias_before);
    const uint64_t step_cycles = rec.last_output_cycle - rec.start_cycle;
    cycles_ += step_cycles;
    cycles_min_ = timesteps_ == 0 ? step_cycles : std::min(cycles_min_, step_cycles);
    cycles_max_ = std::max(cycles_max_, step_cycles);
    ++timesteps_;
    steps_.push_back(rec);
}

int64_t EdgeDrnn::run_layer(const Shape& s, unsigned l, int64_t bias_cycle, int64_t& last_output) {
    const unsigned hidden = s.hidden[l];
    // One weight byte per PE per cycle: 8 PEs take the RTL's 8-byte beats (SPEC 5.1).
    const unsigned beats = 3 * hidden / params_.num_pe;
    const unsigned column_bytes = 3 * hidden;
    const unsigned inputs = l == 0 ? s.input : s.hidden[l - 1];
    const unsigned scanned = l == 0 ? s.input_scan : inputs;
    // Global index of this layer's bias column: C_l = sum over earlier layers of I + H + 1.
    uint32_t first_column = 0;
    for (unsigned k = 0; k < l; ++k)
        first_column += (k == 0 ? s.input : s.hidden[k - 1]) + s.hidden[k] + 1;

    const int16_t* x = l == 0 ? x_scan_.data() : datapath_.h(l - 1);
    int16_t* x_hat = datapath_.x_hat(l);
    int16_t* h_hat = datapath_.h_hat(l);
    const int16_t* h = datapath_.h(l);
    const bool hazard_path = hidden == 8;  // G = 1 (SPEC 6)

    schedule_.begin(bias_cycle);
    // Jobs enter the FIFOs as the encoder scans and are fetched only when the FIFO rule
    // needs their ends (or the layer's scan is over): the scan, and so when the encoder
    // takes an input beat, waits for the FIFOs, not for the fetches, which may synchronise
    // with SystemC time far beyond it (the DMA sending the beats would then learn late).
    entered_.clear();
    auto fetch_job = [&](const EnteredJob& job) {
        if (job.marker) return schedule_.finish_marker(job.visible);
        const int64_t command = schedule_.command_cycle(job.visible);
        // The hardware's address: 16-bit column index times 3H, 32-bit wrap (SPEC 3.1, 6).
        const uint32_t address = s.weight_base + (job.index & 0xFFFFu) * column_bytes;
        const int64_t arrived = fetch_column(address, column_bytes, command);
        const int64_t start = schedule_.finish_column(command, arrived, beats);
        const int8_t* w = fetched_;
        if (hazard_path)
            datapath_.accumulate_g1(l, job.phase, w, job.delta, start);
        else
            datapath_.accumulate(l, hidden, job.phase, w, job.delta);
        ++columns_;
        weight_bytes_ += column_bytes;
    };
    std::size_t next_fetch = 0;  // entered_[next_fetch..] wait
    auto fetch_entered = [&] {
        while (next_fetch < entered_.size()) fetch_job(entered_[next_fetch++]);
    };
    auto enter_job = [&](unsigned pos, EnteredJob job) {
        // The FIFO rule reads the end of the job fifo_depth back: fetch up to it first.
        while (!schedule_.end_known_for_next_push()) fetch_job(entered_[next_fetch++]);
        job.visible = schedule_.push_job(pos);
        entered_.push_back(job);  // (capacity reserved for the largest layer: no allocation)
    };
    // One group of eight scanned items [g, g + 8): a column job for each item whose delta
    // passes (value j at scan position first_pos + j, weight column first_index + j), and
    // the phase's zero marker after the last group (at marker_pos) if its last item did
    // not pass.
    auto scan_group = [&](const int16_t* v, int16_t* v_hat, unsigned g, unsigned count, int16_t threshold,
                          unsigned first_pos, uint32_t first_index, ColumnPhase phase, uint64_t& passed,
                          unsigned marker_pos) {
        const unsigned passing = passing_deltas_x8(v + g, v_hat + g, threshold);
        for (unsigned rest = passing; rest != 0; rest &= rest - 1) {
            const unsigned j = g + static_cast<unsigned>(__builtin_ctz(rest));
            const int16_t delta = wrap16(v[j] - v_hat[j]);
            v_hat[j] = v[j];
            enter_job(first_pos + j, {0, first_index + j, delta, phase, false});
            ++passed;
        }
        if (g + 8 == count && !(passing & 0x80u)) enter_job(marker_pos, {0, 0, 0, phase, true});
    };

    // Bias: a virtual input of value 1.0 the first time the layer runs after reset.
    const int16_t bias_delta = bias_pending_[l] ? 256 : 0;
    bias_pending_[l] = false;
    if (delta_passes(bias_delta, s.thx)) {
        enter_job(0, {0, first_column, bias_delta, ColumnPhase::Input, false});
        ++bias_columns_;
    }
    // Both scans test eight items at a time (passing_deltas_x8): `scanned` and `hidden`
    // are multiples of 8 (latch_shape). Bit 7 of a group's mask is its last item.
    // Inputs x_j at scan positions 1 + j; layer 1 reads them from the input beats.
    for (unsigned g = 0; g < scanned; g += 8) {
        if (l == 0) {
            if (input_.empty()) {  // a step split across packets: about to yield
                fetch_entered();  // at their command cycles, not after the wait
                datapath_.flush_deferred();  // (see sync_to)
            }
            while (input_.empty()) wait(input_event_);
            const InputBeat& beat = input_.front();
            const int64_t scan = schedule_.scan_cycle(1 + g);
            if (beat.valid_cycle > scan) {
                schedule_.stall(beat.valid_cycle - scan);
                if (g > 0) input_wait_cycles_ += static_cast<uint64_t>(beat.valid_cycle - scan);
            }
            std::copy(beat.lanes.begin(), beat.lanes.end(), x_scan_.begin() + g);
        }
        scan_group(x, x_hat, g, scanned, s.thx, 1, first_column + 1, ColumnPhase::Input, dx_[l], scanned);
        if (l == 0) consume_input_beat(schedule_.scan_cycle(g + 8));
    }
    // Hidden h_j(t-1) at scan positions I + 3 + j (two idle cycles after the inputs).
    for (unsigned g = 0; g < hidden; g += 8) {
        scan_group(h, h_hat, g, hidden, s.thh, scanned + 3, first_column + 1 + inputs, ColumnPhase::Hidden,
                   dh_[l], scanned + 2 + hidden);
    }
    fetch_entered();
    if (hazard_path) datapath_.flush_pending(l);

    const int64_t act = schedule_.activation_start(scanned, hidden);
    const int64_t fifo_stall = schedule_.stall_cycles();
    stall_cycles_ += static_cast<uint64_t>(fifo_stall);
    datapath_.activate(l, hidden);

    // Activation: G + 1 rounds of 5 cycles plus one ACT0; batch k leaves at A + 5(k + 2).
    const unsigned groups = hidden / params_.num_pe;  // G: neurons per round = PEs
    const int64_t act_end = act + 5 * (groups + 1);
    if (l + 1 < s.layers) return act_end + 1;  // feedback is always ready
    const int64_t accepted = send_output(datapath_.h(l), hidden, act + 10);
    const int64_t held = std::max<int64_t>(0, accepted - act_end);  // back-pressure holds ACT0
    output_wait_cycles_ += static_cast<uint64_t>(held);
    last_output = act_end + held;
    return last_output + 1;
}

int64_t EdgeDrnn::fetch_column(uint32_t address, unsigned bytes, int64_t command_cycle) {
    sync_to(command_cycle);
    // Integer time units: this runs once per weight column.
    const uint64_t now = sc_core::sc_time_stamp().value();
    const uint64_t issue = units_of(command_cycle);
    sc_time delay = sc_time::from_value(issue > now ? issue - now : 0);
    fetch_.set_command(tlm::TLM_READ_COMMAND);
    fetch_.set_address(address);
    // Buffers in turn: the datapath may still hold the previous columns (deferred).
    std::vector<int8_t>& buffer = columns_buffer_[next_buffer_];
    next_buffer_ = (next_buffer_ + 1) % columns_buffer_.size();
    fetch_.set_data_ptr(reinterpret_cast<unsigned char*>(buffer.data()));
    fetch_.set_data_length(bytes);
    fetch_.set_streaming_width(bytes);
    fetch_.set_byte_enable_ptr(nullptr);
    fetch_.set_dmi_allowed(false);
    fetch_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    read_in_place_->data = nullptr;
    const uint64_t deltas_before = sc_core::sc_delta_count();
    m_axi_weights->b_transport(fetch_, delay);
    if (sc_core::sc_delta_count() != deltas_before) fetch_yielded();
    fetched_ = read_in_place_->data ? reinterpret_cast<const int8_t*>(read_in_place_->data) : buffer.data();
    if (fetch_.is_response_error()) {
        // The RTL ignores the DataMover status; what reaches the PEs is undefined. Zero
        // weights keep the run deterministic, and the error is counted and reported.
        ++fetch_errors_;
        std::ostringstream os;
        os << "weight fetch of " << bytes << " bytes at 0x" << std::hex << address
           << " failed (" << fetch_.get_response_string() << "); using zero weights";
        vp::log_warning(name(), os.str());
        std::fill(buffer.begin(), buffer.begin() + bytes, 0);
        fetched_ = buffer.data();
    }
    return cycle_ceil(sc_core::sc_time_stamp() + delay);
}

void EdgeDrnn::fetch_yielded() {
    // The deferred columns may point into memory that other processes could write while
    // the fetch waited (the platform's memory paths never wait: this is a user's target).
    ++fetch_yields_;
    if (fetch_yields_ > 1) return;
    datapath_.set_deferral(false);
    vp::log_warning(name(), "the weight memory path let other processes run inside a fetch (a wait() in "
                            "b_transport); columns are now added one by one as they arrive (slower). Up to " +
                                std::to_string(DeltaGruDatapath::kMaxDeferredColumns) +
                                " columns already waiting used the memory as it was after that wait");
}

int64_t EdgeDrnn::send_output(const int16_t* h, unsigned hidden, int64_t first_beat_cycle) {
    // Little-endian 16-bit lanes, as the stream carries them: on a little-endian host,
    // h's bytes already are (one copy instead of a loop over every byte).
    uint8_t* out = out_data_.data();
    if (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
        std::memcpy(out, h, 2 * static_cast<std::size_t>(hidden));
    } else {
        for (unsigned i = 0; i < hidden; ++i) {
            out[2 * i] = static_cast<uint8_t>(h[i] & 0xFF);
            out[2 * i + 1] = static_cast<uint8_t>((static_cast<uint16_t>(h[i]) >> 8) & 0xFF);
        }
    }
    out_axis_->tlast = true;
    out_axis_->beat_bytes = EDGEDRNN_STREAM_BEAT_BYTES;
    // One round (5 cycles) yields num_pe outputs, i.e. num_pe / 8 stream beats; the
    // 128-bit stream takes at most one beat per cycle.
    out_axis_->beat_interval = period_ * std::max(1.0, 5.0 * 8.0 / params_.num_pe);
    out_trans_.set_command(tlm::TLM_WRITE_COMMAND);
    out_trans_.set_address(0);
    out_trans_.set_data_ptr(out_data_.data());
    out_trans_.set_data_length(2 * hidden);
    out_trans_.set_streaming_width(2 * hidden);
    out_trans_.set_byte_enable_ptr(nullptr);
    out_trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    const sc_time now = sc_core::sc_time_stamp();
    const sc_time first = time_of(first_beat_cycle);
    sc_time delay = first > now ? first - now : SC_ZERO_TIME;
    m_axis_output->b_transport(out_trans_, delay);
    return cycle_ceil(sc_core::sc_time_stamp() + delay);
}

}  // namespace edgedrnn
