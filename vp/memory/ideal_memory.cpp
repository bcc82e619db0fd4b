#include "vp/memory/ideal_memory.h"

#include <sstream>

#include "vp/common/log.h"
#include "vp/memory/read_in_place.h"
#include "vp/stats/stats.h"

namespace vp {

IdealMemory::IdealMemory(sc_core::sc_module_name name, const IdealMemoryParams& params,
                         Stats& stats)
    : sc_module(name),
      socket("socket"),
      params_(params),
      period_(sc_core::sc_time(1.0 / params.clock_hz, sc_core::SC_SEC)),
      storage_(params.size_bytes) {
    socket.register_b_transport(this, &IdealMemory::b_transport);
    socket.register_transport_dbg(this, &IdealMemory::transport_dbg);
    const std::string n = basename();
    stats.add_counter(n + ".reads", &reads_, "", "read transactions");
    stats.add_counter(n + ".writes", &writes_, "", "write transactions");
    stats.add_counter(n + ".read_bytes", &read_bytes_, "bytes", "bytes read");
    stats.add_counter(n + ".write_bytes", &write_bytes_, "bytes", "bytes written");
    stats.add_counter(n + ".errors", &errors_, "", "accesses outside the memory");
}

bool IdealMemory::access(tlm::tlm_generic_payload& trans) {
    const uint64_t addr = trans.get_address();
    const uint64_t len = trans.get_data_length();
    if (trans.get_byte_enable_ptr() || addr > params_.size_bytes ||
        len > params_.size_bytes - addr) {
        trans.set_response_status(trans.get_byte_enable_ptr()
                                      ? tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE
                                      : tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return false;
    }
    if (trans.is_read()) {
        if (!serve_read_in_place(trans, storage_.data() + addr)) storage_.read(addr, trans.get_data_ptr(), len);
    } else if (trans.is_write()) {
        storage_.write(addr, trans.get_data_ptr(), len);
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
    return true;
}

void IdealMemory::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    if (!access(trans)) {
        ++errors_;
        std::ostringstream os;
        os << "access outside the memory: address 0x" << std::hex << trans.get_address()
           << " length " << std::dec << trans.get_data_length();
        log_warning(name(), os.str());
        return;
    }
    const uint64_t len = trans.get_data_length();
    const uint64_t beats = (len + params_.width_bytes - 1) / params_.width_bytes;
    if (trans.is_read()) { ++reads_; read_bytes_ += len; }
    if (trans.is_write()) { ++writes_; write_bytes_ += len; }
    if (beats) delay += period_ * static_cast<double>(params_.first_beat_cycles + beats - 1);
}

unsigned int IdealMemory::transport_dbg(tlm::tlm_generic_payload& trans) {
    return access(trans) ? trans.get_data_length() : 0;
}

}  // namespace vp
