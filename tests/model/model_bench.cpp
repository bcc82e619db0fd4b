#include "tests/model/model_bench.h"

#include "tests/support/bus_master.h"

#include "software/include/hw/edgedrnn_regs.h"
#include "vp/stream/axis.h"

namespace vp_test {

using sc_core::sc_time;

ModelBench::ModelBench(const edgedrnn::EdgeDrnnParams& params, uint64_t memory_bytes,
                       sc_core::sc_module_name name, bool weight_path_waits)
    : sc_module(name), axil("axil"), input("input"), output("output") {
    vp::IdealMemoryParams mp;
    mp.size_bytes = memory_bytes;
    mp.clock_hz = params.clock_hz;
    memory = std::make_unique<vp::IdealMemory>("weight_memory", mp, stats);
    dut = std::make_unique<edgedrnn::EdgeDrnn>("edgedrnn", params, stats);
    axil.bind(dut->axil);
    input.bind(dut->s_axis_input);
    dut->m_axis_output.bind(output);
    if (weight_path_waits) {
        waiting_path = std::make_unique<WaitingWeightPath>("waiting_path");
        dut->m_axi_weights.bind(waiting_path->upstream);
        waiting_path->downstream.bind(memory->socket);
    } else {
        dut->m_axi_weights.bind(memory->socket);
    }
    output.register_b_transport(this, &ModelBench::output_b_transport);
    SC_HAS_PROCESS(ModelBench);
    SC_THREAD(run);
}

tlm::tlm_response_status ModelBench::access(tlm::tlm_command cmd, uint32_t address, uint8_t* data,
                                            unsigned length, const uint8_t* byte_enables) {
    sc_time delay = sc_core::SC_ZERO_TIME;
    const tlm::tlm_response_status status =
        vp_test::bus_access(axil, cmd, address, data, length, byte_enables, delay);
    wait(delay);  // the driver waits for each register access
    return status;
}

void ModelBench::write_reg(uint32_t offset, uint32_t value) {
    uint8_t d[4] = {uint8_t(value), uint8_t(value >> 8), uint8_t(value >> 16), uint8_t(value >> 24)};
    access(tlm::TLM_WRITE_COMMAND, offset, d, 4);
}

uint32_t ModelBench::read_reg(uint32_t offset) {
    uint8_t d[4] = {};
    access(tlm::TLM_READ_COMMAND, offset, d, 4);
    return d[0] | (d[1] << 8) | (d[2] << 16) | (uint32_t(d[3]) << 24);
}

void ModelBench::load_weights(const vp::Network& net, uint32_t weight_address) {
    memory->storage().write(weight_address, reinterpret_cast<const uint8_t*>(net.weights.data()),
                            net.weights.size());
}

void ModelBench::program(const vp::Network& net, uint32_t weight_address) {
    write_reg(EDGEDRNN_W_BASEADDR, weight_address);
    write_reg(EDGEDRNN_THX, static_cast<uint32_t>(net.thx));
    write_reg(EDGEDRNN_THH, static_cast<uint32_t>(net.thh));
    write_reg(EDGEDRNN_NUM_LAYER, net.num_layers);
    write_reg(EDGEDRNN_SIZE_0, net.input_size);
    for (unsigned l = 0; l < 4; ++l)
        write_reg(EDGEDRNN_SIZE(l + 1), l < net.num_layers ? net.hidden_sizes[l] : 0);
}

void ModelBench::send_bytes(const uint8_t* bytes, unsigned length) {
    // A member buffer: a test may end with this thread suspended inside b_transport, and
    // LeakSanitizer would report a heap block owned by the never-unwound stack.
    std::vector<uint8_t>& data = tx_data_;
    if (bytes != data.data()) data.assign(bytes, bytes + length);
    tlm::tlm_generic_payload trans;
    vp::AxisExtension ext;
    ext.beat_bytes = EDGEDRNN_STREAM_BEAT_BYTES;
    ext.beat_interval = sc_time(8, sc_core::SC_NS);
    trans.set_extension(&ext);
    trans.set_command(tlm::TLM_WRITE_COMMAND);
    trans.set_data_ptr(data.data());
    trans.set_data_length(length);
    trans.set_streaming_width(length);
    sc_time delay = sc_core::SC_ZERO_TIME;
    input->b_transport(trans, delay);
    wait(delay);
    trans.clear_extension(&ext);
}

void ModelBench::send_input(const int16_t* x, unsigned elements) {
    tx_data_.resize(2 * elements);
    for (unsigned i = 0; i < elements; ++i) {
        tx_data_[2 * i] = static_cast<uint8_t>(x[i] & 0xFF);
        tx_data_[2 * i + 1] = static_cast<uint8_t>((static_cast<uint16_t>(x[i]) >> 8) & 0xFF);
    }
    send_bytes(tx_data_.data(), static_cast<unsigned>(tx_data_.size()));
}

void ModelBench::output_b_transport(tlm::tlm_generic_payload& trans, sc_time& delay) {
    const auto* ext = trans.get_extension<vp::AxisExtension>();
    const unsigned beats = vp::axis_beats(trans.get_data_length(), ext ? ext->beat_bytes : 16);
    // Not ready before output_ready_at: the first beat waits, the rest follow at pace.
    if (output_never_ready) wait(never_);  // the simulation ends with the model inside
    const sc_time first = sc_core::sc_time_stamp() + delay;
    if (first < output_ready_at) delay += output_ready_at - first;
    if (ext) delay += ext->beat_interval * static_cast<double>(beats - 1);
    const uint8_t* d = trans.get_data_ptr();
    for (unsigned i = 0; i + 1 < trans.get_data_length(); i += 2)
        outputs.push_back(static_cast<int16_t>(d[i] | (d[i + 1] << 8)));
    output_times.push_back(sc_core::sc_time_stamp() + delay);
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace vp_test
