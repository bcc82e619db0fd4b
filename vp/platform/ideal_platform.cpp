#include "vp/platform/ideal_platform.h"

#include <sstream>

#include "vp/config/config.h"

#include "software/include/hw/edgedrnn_regs.h"
#include "vp/platform/minized_platform.h"
#include "vp/stats/stats.h"
#include "vp/stream/axis.h"

namespace vp {

using sc_core::sc_time;

IdealHarness::IdealHarness(sc_core::sc_module_name name, const Network& network,
                           const Stimulus& stimulus, uint32_t weight_address, sc_time beat_period)
    : sc_module(name),
      axil("axil"),
      input("input"),
      output("output"),
      network_(network),
      stimulus_(stimulus),
      weight_address_(weight_address),
      beat_period_(beat_period) {
    output.register_b_transport(this, &IdealHarness::output_b_transport);
    outputs_.reserve(static_cast<std::size_t>(stimulus.timesteps) * network.last_hidden());
    SC_HAS_PROCESS(IdealHarness);
    SC_THREAD(run);
}

void IdealHarness::write_register(uint32_t offset, uint32_t value, sc_time& delay) {
    tlm::tlm_generic_payload trans;
    unsigned char data[4] = {static_cast<unsigned char>(value), static_cast<unsigned char>(value >> 8),
                             static_cast<unsigned char>(value >> 16), static_cast<unsigned char>(value >> 24)};
    trans.set_command(tlm::TLM_WRITE_COMMAND);
    trans.set_address(offset);
    trans.set_data_ptr(data);
    trans.set_data_length(4);
    trans.set_streaming_width(4);
    trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    axil->b_transport(trans, delay);
}

void IdealHarness::run() {
    // Program the accelerator as the driver does (SPEC 7 step 2).
    sc_time delay = sc_core::SC_ZERO_TIME;
    write_register(EDGEDRNN_W_BASEADDR, weight_address_, delay);
    write_register(EDGEDRNN_THX, static_cast<uint32_t>(network_.thx), delay);
    write_register(EDGEDRNN_THH, static_cast<uint32_t>(network_.thh), delay);
    write_register(EDGEDRNN_NUM_LAYER, network_.num_layers, delay);
    write_register(EDGEDRNN_SIZE_0, network_.input_size, delay);
    for (unsigned l = 0; l < 4; ++l)
        write_register(EDGEDRNN_SIZE(l + 1), l < network_.num_layers ? network_.hidden_sizes[l] : 0, delay);
    wait(delay);

    // Stream every step's input; each transfer returns when the encoder took its last beat.
    tlm::tlm_generic_payload trans;
    AxisExtension ext;
    ext.beat_bytes = EDGEDRNN_STREAM_BEAT_BYTES;
    ext.beat_interval = beat_period_;
    trans.set_extension(&ext);
    const unsigned bytes = 2 * stimulus_.input_size;
    std::vector<unsigned char> packet(bytes);
    for (unsigned t = 0; t < stimulus_.timesteps; ++t) {
        const int16_t* x = &stimulus_.inputs[static_cast<std::size_t>(t) * stimulus_.input_size];
        for (unsigned i = 0; i < stimulus_.input_size; ++i) {
            packet[2 * i] = static_cast<unsigned char>(x[i] & 0xFF);
            packet[2 * i + 1] = static_cast<unsigned char>((static_cast<uint16_t>(x[i]) >> 8) & 0xFF);
        }
        trans.set_command(tlm::TLM_WRITE_COMMAND);
        trans.set_address(0);
        trans.set_data_ptr(packet.data());
        trans.set_data_length(bytes);
        trans.set_streaming_width(bytes);
        trans.set_byte_enable_ptr(nullptr);
        trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        delay = sc_core::SC_ZERO_TIME;
        input->b_transport(trans, delay);
        wait(delay);
    }
    trans.clear_extension(&ext);
}

void IdealHarness::output_b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
    // Always ready: the last beat is taken at the sender's pace.
    const AxisExtension* ext = trans.get_extension<AxisExtension>();
    const unsigned len = trans.get_data_length();
    if (ext) delay += ext->beat_interval * static_cast<double>(axis_beats(len, ext->beat_bytes) - 1);
    const unsigned char* d = trans.get_data_ptr();
    for (unsigned i = 0; i + 1 < len; i += 2)
        outputs_.push_back(static_cast<int16_t>(d[i] | (d[i + 1] << 8)));
    ++steps_;
    last_output_ = sc_core::sc_time_stamp() + delay;
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

namespace {

// The calibration platform is the accelerator alone: no CPU, no traffic generator. Their
// keys would be ignored, so they are refused (as workload.weight_address is on the minized).
void reject_keys_of_absent_models(const Config& c) {
    for (const auto& entry : c.schema().all()) {
        const std::string& key = entry.first;
        if ((key.rfind("cpu.", 0) == 0 || key.rfind("traffic.", 0) == 0) && c.is_set(key))
            throw ConfigError(c.origin(key) + ": " + key + " is set, but the " + c.get_string("platform.name") +
                              " platform (platform.kind = edgedrnn-ideal) has no CPU and no traffic generator "
                              "and would ignore it: remove the key, or use a minized platform "
                              "(platforms/minized.cfg)");
    }
}

}  // namespace

IdealPlatform::IdealPlatform(const Config& c, const Network& network, const Stimulus& stimulus,
                             Stats& stats) {
    reject_keys_of_absent_models(c);
    edgedrnn::EdgeDrnnParams params = edgedrnn::EdgeDrnnParams::from_config(c);
    clock_hz_ = params.clock_hz;

    IdealMemoryParams mp;
    mp.size_bytes = c.get_uint("memory.size_bytes");
    mp.clock_hz = static_cast<double>(c.get_uint("memory.clock_hz"));
    mp.width_bytes = static_cast<unsigned>(c.get_uint("memory.width_bytes"));
    mp.first_beat_cycles = static_cast<unsigned>(c.get_uint("memory.first_beat_cycles"));

    const uint64_t weight_address = c.get_uint("workload.weight_address");
    if (weight_address % 8 != 0)
        throw ConfigError(c.origin("workload.weight_address") +
                          ": workload.weight_address must be 8-byte aligned (SPEC 3.1)");
    if (weight_address + network.weights.size() > mp.size_bytes) {
        std::ostringstream os;
        os << c.origin("memory.size_bytes") << ": memory.size_bytes = " << mp.size_bytes
           << " cannot hold the " << network.weights.size() << "-byte weight image at 0x"
           << std::hex << weight_address;
        throw ConfigError(os.str());
    }

    memory_ = std::make_unique<IdealMemory>("weight_memory", mp, stats);
    edgedrnn_ = std::make_unique<edgedrnn::EdgeDrnn>("edgedrnn", params, stats);
    harness_ = std::make_unique<IdealHarness>("harness", network, stimulus,
                                              static_cast<uint32_t>(weight_address),
                                              sc_time(1.0 / params.clock_hz, sc_core::SC_SEC));
    memory_->storage().write(weight_address, reinterpret_cast<const uint8_t*>(network.weights.data()),
                             network.weights.size());

    harness_->axil.bind(edgedrnn_->axil);
    harness_->input.bind(edgedrnn_->s_axis_input);
    edgedrnn_->m_axis_output.bind(harness_->output);
    edgedrnn_->m_axi_weights.bind(memory_->socket);
}

std::unique_ptr<PlatformInstance> build_platform(const Config& config, const Network& network,
                                                 const Stimulus& stimulus, Stats& stats) {
    const std::string kind = config.get_string("platform.kind");
    if (kind == "edgedrnn-ideal") return std::make_unique<IdealPlatform>(config, network, stimulus, stats);
    if (kind == "minized") return std::make_unique<MinizedPlatform>(config, network, stimulus, stats);
    throw ConfigError(config.origin("platform.kind") + ": platform.kind = '" + kind + "' is not built here");
}

}  // namespace vp
