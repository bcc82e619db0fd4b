// Test modules for the interconnect and RAM suites: an initiator the test body drives
// directly (loosely timed calls need no process once elaboration is done) and a target
// that records what reached it. One SystemC elaboration per test process.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

namespace vp_test {

// Runs elaboration (end_of_elaboration callbacks) without advancing time.
inline void elaborate() { sc_core::sc_start(sc_core::SC_ZERO_TIME); }

class TestInitiator : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<TestInitiator> socket;

    struct Range { uint64_t first, last; };
    std::vector<Range> invalidations;

    explicit TestInitiator(sc_core::sc_module_name name) : sc_module(name), socket("socket") {
        socket.register_invalidate_direct_mem_ptr(this, &TestInitiator::invalidate);
    }

    // One b_transport; returns the response status and adds to `delay`.
    tlm::tlm_response_status transfer(tlm::tlm_command cmd, uint64_t address, uint8_t* data,
                                      unsigned length, sc_core::sc_time& delay,
                                      const uint8_t* byte_enables = nullptr,
                                      unsigned byte_enable_length = 0) {
        tlm::tlm_generic_payload t;
        setup(t, cmd, address, data, length);
        t.set_byte_enable_ptr(const_cast<uint8_t*>(byte_enables));
        t.set_byte_enable_length(byte_enable_length);
        socket->b_transport(t, delay);
        last_address_after = t.get_address();
        return t.get_response_status();
    }
    tlm::tlm_response_status read(uint64_t address, uint8_t* data, unsigned length,
                                  sc_core::sc_time& delay) {
        return transfer(tlm::TLM_READ_COMMAND, address, data, length, delay);
    }
    tlm::tlm_response_status write(uint64_t address, const uint8_t* data, unsigned length,
                                   sc_core::sc_time& delay) {
        return transfer(tlm::TLM_WRITE_COMMAND, address, const_cast<uint8_t*>(data), length, delay);
    }
    // `length` zero bytes: for timing tests that do not care about data.
    sc_core::sc_time timed_read(uint64_t address, unsigned length,
                                tlm::tlm_response_status* status = nullptr) {
        scratch_.assign(length, 0);
        sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
        const auto s = read(address, scratch_.data(), length, delay);
        if (status) *status = s;
        return delay;
    }
    unsigned debug(tlm::tlm_command cmd, uint64_t address, uint8_t* data, unsigned length) {
        tlm::tlm_generic_payload t;
        setup(t, cmd, address, data, length);
        return socket->transport_dbg(t);
    }
    bool dmi(uint64_t address, tlm::tlm_dmi& dmi_data) {
        tlm::tlm_generic_payload t;
        uint8_t dummy = 0;
        setup(t, tlm::TLM_READ_COMMAND, address, &dummy, 1);
        dmi_data.init();
        return socket->get_direct_mem_ptr(t, dmi_data);
    }

    uint64_t last_address_after = 0;  // the payload's address when b_transport returned

private:
    static void setup(tlm::tlm_generic_payload& t, tlm::tlm_command cmd, uint64_t address,
                      uint8_t* data, unsigned length) {
        t.set_command(cmd);
        t.set_address(address);
        t.set_data_ptr(data);
        t.set_data_length(length);
        t.set_streaming_width(length);
        t.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    }
    void invalidate(sc_dt::uint64 first, sc_dt::uint64 last) { invalidations.push_back({first, last}); }
    std::vector<uint8_t> scratch_;
};

// A plain memory that records every access and can revoke DMI. It grants DMI over its
// whole range (unlike Ram), which exercises the interconnect's clipping.
class RecordingTarget : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<RecordingTarget> socket;

    struct Access { tlm::tlm_command cmd; uint64_t address; unsigned length; };
    std::vector<Access> accesses;
    std::vector<uint8_t> memory;
    sc_core::sc_time access_delay = sc_core::SC_ZERO_TIME;  // added per b_transport
    std::vector<uint64_t> dmi_requests;                      // addresses asked about

    RecordingTarget(sc_core::sc_module_name name, uint64_t size_bytes)
        : sc_module(name), socket("socket"), memory(size_bytes) {
        socket.register_b_transport(this, &RecordingTarget::b_transport);
        socket.register_transport_dbg(this, &RecordingTarget::transport_dbg);
        socket.register_get_direct_mem_ptr(this, &RecordingTarget::get_direct_mem_ptr);
    }

    void revoke_dmi(uint64_t first, uint64_t last) { socket->invalidate_direct_mem_ptr(first, last); }

private:
    bool copy(tlm::tlm_generic_payload& t) {
        const uint64_t a = t.get_address();
        const unsigned n = t.get_data_length();
        if (a + n > memory.size()) return false;
        if (t.is_write()) std::memcpy(&memory[a], t.get_data_ptr(), n);
        else if (t.is_read()) std::memcpy(t.get_data_ptr(), &memory[a], n);
        return true;
    }
    void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
        accesses.push_back({t.get_command(), t.get_address(), t.get_data_length()});
        t.set_response_status(copy(t) ? tlm::TLM_OK_RESPONSE : tlm::TLM_ADDRESS_ERROR_RESPONSE);
        delay += access_delay;
    }
    unsigned transport_dbg(tlm::tlm_generic_payload& t) {
        accesses.push_back({t.get_command(), t.get_address(), t.get_data_length()});
        return copy(t) ? t.get_data_length() : 0;
    }
    bool get_direct_mem_ptr(tlm::tlm_generic_payload& t, tlm::tlm_dmi& dmi) {
        dmi_requests.push_back(t.get_address());
        dmi.set_dmi_ptr(memory.data());
        dmi.set_start_address(0);
        dmi.set_end_address(memory.size() - 1);
        dmi.allow_read_write();
        return true;
    }
};

}  // namespace vp_test
