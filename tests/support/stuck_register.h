// A status register that says it changes with an event that never fires (a stuck
// device): it always reads `value` and names its change event in the CPU's poll hint.
#pragma once

#include <cstdint>
#include <algorithm>
#include <cstring>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "vp/common/poll_hint.h"

namespace vp_test {

class StuckRegister : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<StuckRegister> socket;
    uint32_t value = 0;

    explicit StuckRegister(sc_core::sc_module_name name) : sc_module(name), socket("socket") {
        socket.register_b_transport(this, &StuckRegister::b_transport);
    }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time&) {
        if (trans.is_read()) std::memcpy(trans.get_data_ptr(), &value, std::min(4u, trans.get_data_length()));
        if (auto* hint = trans.get_extension<vp::PollHintExtension>()) hint->change = &never_;
        trans.set_response_status(tlm::TLM_OK_RESPONSE);
    }
    sc_core::sc_event never_;
};

}  // namespace vp_test
