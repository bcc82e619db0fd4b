// A scripted bus initiator for device tests: a thread runs the test's script, which
// reads and writes registers through the socket at an optional annotated delay (the
// initiator's local time ahead of SystemC time). Accesses do not wait.
#pragma once

#include <cstdint>
#include <functional>

#include <gtest/gtest.h>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

namespace vp_test {

// One access through an initiator socket, the payload built on the stack; `delay` is the
// initiator's local time offset and comes back with the target's latency added.
template <typename Socket>
tlm::tlm_response_status bus_access(Socket& socket, tlm::tlm_command cmd, uint32_t address, uint8_t* data,
                                    unsigned length, const uint8_t* byte_enables, sc_core::sc_time& delay) {
    tlm::tlm_generic_payload trans;
    trans.set_command(cmd);
    trans.set_address(address);
    trans.set_data_ptr(data);
    trans.set_data_length(length);
    trans.set_streaming_width(length);
    trans.set_byte_enable_ptr(const_cast<uint8_t*>(byte_enables));
    trans.set_byte_enable_length(byte_enables ? length : 0);
    trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    socket->b_transport(trans, delay);
    return trans.get_response_status();
}

class BusMaster : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<BusMaster> socket{"socket"};

    explicit BusMaster(sc_core::sc_module_name name) : sc_module(name) {
        SC_HAS_PROCESS(BusMaster);
        SC_THREAD(run);
    }
    void script(std::function<void()> body) { body_ = std::move(body); }

    tlm::tlm_response_status access(tlm::tlm_command cmd, uint32_t address, uint8_t* data,
                                    unsigned length, const uint8_t* byte_enables = nullptr,
                                    sc_core::sc_time delay = sc_core::SC_ZERO_TIME) {
        return bus_access(socket, cmd, address, data, length, byte_enables, delay);
    }
    // 32-bit accesses that must succeed.
    uint32_t read(uint32_t address, sc_core::sc_time delay = sc_core::SC_ZERO_TIME) {
        uint32_t v = 0;
        EXPECT_EQ(access(tlm::TLM_READ_COMMAND, address, reinterpret_cast<uint8_t*>(&v), 4, nullptr, delay),
                  tlm::TLM_OK_RESPONSE);
        return v;
    }
    void write(uint32_t address, uint32_t value, sc_core::sc_time delay = sc_core::SC_ZERO_TIME) {
        EXPECT_EQ(access(tlm::TLM_WRITE_COMMAND, address, reinterpret_cast<uint8_t*>(&value), 4, nullptr, delay),
                  tlm::TLM_OK_RESPONSE);
    }

private:
    void run() { if (body_) body_(); }
    std::function<void()> body_;
};

}  // namespace vp_test
