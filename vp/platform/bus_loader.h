// An initiator with no behaviour of its own: vp loads data into the SoC's memory and
// reads results back through the bus's debug transport (untimed, uncounted), as a
// debugger or boot loader would, so every address goes through the platform's map.
#pragma once

#include <cstdint>
#include <functional>
#include <sstream>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "vp/config/config.h"

namespace vp {

class BusLoader : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<BusLoader> socket;

    explicit BusLoader(sc_core::sc_module_name name) : sc_module(name), socket("socket") {}

    // Work to do once the bus is bound (multi-socket bindings resolve at the end of
    // elaboration), before any process runs: e.g. loading the job.
    void at_start(std::function<void()> work) { start_work_ = std::move(work); }

    void write(uint32_t address, const void* data, uint32_t bytes) {
        transfer(tlm::TLM_WRITE_COMMAND, address, const_cast<void*>(data), bytes);
    }
    void read(uint32_t address, void* data, uint32_t bytes) {
        transfer(tlm::TLM_READ_COMMAND, address, data, bytes);
    }

private:
    void start_of_simulation() override {
        if (start_work_) start_work_();
    }
    std::function<void()> start_work_;

    void transfer(tlm::tlm_command cmd, uint32_t address, void* data, uint32_t bytes) {
        tlm::tlm_generic_payload trans;
        trans.set_command(cmd);
        trans.set_address(address);
        trans.set_data_ptr(static_cast<unsigned char*>(data));
        trans.set_data_length(bytes);
        trans.set_streaming_width(bytes);
        if (socket->transport_dbg(trans) != bytes) {
            std::ostringstream os;
            os << "the job's " << bytes << " bytes at 0x" << std::hex << address
               << " are not all in memory (check the software.* addresses against the memory map)";
            throw ConfigError(os.str());
        }
    }
};

}  // namespace vp
