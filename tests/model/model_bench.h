// A small SystemC bench around one EdgeDRNN model: an ideal weight memory, a scripted
// driver thread that pokes registers and streams inputs, and an output sink whose
// readiness the test controls. One bench per test process (SystemC elaborates once).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "peripherals/edgedrnn/edgedrnn.h"
#include "vp/memory/ideal_memory.h"
#include "vp/stats/stats.h"
#include "vp/workload/workload.h"

namespace vp_test {

// Between the model and its weight memory: waits inside every b_transport, as a target
// that synchronises would (the platform's own memory paths never do).
class WaitingWeightPath : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<WaitingWeightPath> upstream;
    tlm_utils::simple_initiator_socket<WaitingWeightPath> downstream;
    explicit WaitingWeightPath(sc_core::sc_module_name name) : sc_module(name), upstream("upstream") {
        upstream.register_b_transport(this, &WaitingWeightPath::b_transport);
    }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
        wait(delay);
        delay = sc_core::SC_ZERO_TIME;
        downstream->b_transport(trans, delay);
    }
};

class ModelBench : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<ModelBench> axil;
    tlm_utils::simple_initiator_socket<ModelBench> input;
    tlm_utils::simple_target_socket<ModelBench> output;

    vp::Stats stats;
    std::unique_ptr<vp::IdealMemory> memory;
    std::unique_ptr<edgedrnn::EdgeDrnn> dut;

    std::unique_ptr<WaitingWeightPath> waiting_path;  // with weight_path_waits only

    explicit ModelBench(const edgedrnn::EdgeDrnnParams& params = {}, uint64_t memory_bytes = 1 << 24,
                        sc_core::sc_module_name name = "bench", bool weight_path_waits = false);

    // The driver script, run in an SC_THREAD; call before sc_start().
    void script(std::function<void()> body) { script_ = std::move(body); }

    // Driver helpers (call from the script).
    void write_reg(uint32_t offset, uint32_t value);
    uint32_t read_reg(uint32_t offset);
    // A raw AXI-Lite access with byte enables; returns the response status.
    tlm::tlm_response_status access(tlm::tlm_command cmd, uint32_t address, uint8_t* data,
                                    unsigned length, const uint8_t* byte_enables = nullptr);
    void program(const vp::Network& net, uint32_t weight_address);
    // Sends one input packet; returns when the encoder has taken its last beat.
    void send_input(const int16_t* x, unsigned elements);
    void send_bytes(const uint8_t* bytes, unsigned length);
    void load_weights(const vp::Network& net, uint32_t weight_address);

    // Output side: the sink is not ready before this time (back-pressure).
    sc_core::sc_time output_ready_at = sc_core::SC_ZERO_TIME;
    bool output_never_ready = false;  // the sink never takes an output (a stalled stream)
    std::vector<int16_t> outputs;
    std::vector<sc_core::sc_time> output_times;  // last beat accepted, per packet

private:
    void run() { if (script_) script_(); }
    void output_b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    std::function<void()> script_;
    sc_core::sc_event never_;  // never notified
    std::vector<uint8_t> tx_data_;
    sc_core::sc_time local_ = sc_core::SC_ZERO_TIME;
};

}  // namespace vp_test
