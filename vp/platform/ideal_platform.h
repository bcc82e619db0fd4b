// Platform "edgedrnn-ideal": the accelerator alone, as SPEC 5.4's cycle model assumes it.
// A harness plays the driver: it programs the registers over AXI-Lite (SPEC 7 step 2),
// streams each step's input beats straight into the input port as soon as the previous
// ones were taken, and is always ready on the output port. Weights come from an ideal
// memory (first beat 1 cycle after the command, then one beat per cycle). It stays as the
// calibration platform: its cycles per step equal SPEC's model.
#pragma once

#include <memory>

#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "peripherals/edgedrnn/edgedrnn.h"
#include "vp/memory/ideal_memory.h"
#include "vp/platform/platform_instance.h"

namespace vp {

class IdealHarness : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<IdealHarness> axil;
    tlm_utils::simple_initiator_socket<IdealHarness> input;
    tlm_utils::simple_target_socket<IdealHarness> output;

    IdealHarness(sc_core::sc_module_name name, const Network& network, const Stimulus& stimulus,
                 uint32_t weight_address, sc_core::sc_time beat_period);

    const std::vector<int16_t>& outputs() const { return outputs_; }
    unsigned steps_received() const { return steps_; }
    sc_core::sc_time last_output_time() const { return last_output_; }

private:
    void run();
    void write_register(uint32_t offset, uint32_t value, sc_core::sc_time& delay);
    void output_b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);

    const Network& network_;
    const Stimulus& stimulus_;
    uint32_t weight_address_;
    sc_core::sc_time beat_period_;
    std::vector<int16_t> outputs_;
    unsigned steps_ = 0;
    sc_core::sc_time last_output_;
};

class IdealPlatform : public PlatformInstance {
public:
    IdealPlatform(const Config& config, const Network& network, const Stimulus& stimulus,
                  Stats& stats);

    const std::vector<int16_t>& rnn_outputs() const override { return harness_->outputs(); }
    unsigned steps_completed() const override { return harness_->steps_received(); }
    sc_core::sc_time last_output_time() const override { return harness_->last_output_time(); }
    double accelerator_clock_hz() const override { return clock_hz_; }

private:
    double clock_hz_;
    std::unique_ptr<IdealMemory> memory_;
    std::unique_ptr<edgedrnn::EdgeDrnn> edgedrnn_;
    std::unique_ptr<IdealHarness> harness_;
};

}  // namespace vp
