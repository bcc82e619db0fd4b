// A memory with ideal, fixed timing: the first beat of a transfer arrives a fixed number
// of cycles after the request, then one beat per cycle at the port's width. It is the
// calibration memory of SPEC 5.4 (first weight beat 1 cycle after the command) and has
// no banks, rows, refresh or contention (the DDR model provides those).
//
// Timing convention shared by every memory target of the platform: b_transport adds to
// `delay` the time until the LAST beat has been delivered (for a write: accepted).
#pragma once

#include <cstdint>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "vp/memory/sparse_storage.h"

namespace vp {

class Stats;

struct IdealMemoryParams {
    uint64_t size_bytes = 0;
    double clock_hz = 125e6;
    unsigned width_bytes = 8;         // data beat width
    unsigned first_beat_cycles = 1;   // request to first beat
};

class IdealMemory : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<IdealMemory> socket;

    IdealMemory(sc_core::sc_module_name name, const IdealMemoryParams& params, Stats& stats);

    SparseStorage& storage() { return storage_; }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned int transport_dbg(tlm::tlm_generic_payload& trans);
    bool access(tlm::tlm_generic_payload& trans);

    IdealMemoryParams params_;
    sc_core::sc_time period_;
    SparseStorage storage_;
    uint64_t reads_ = 0, writes_ = 0, read_bytes_ = 0, write_bytes_ = 0, errors_ = 0;
};

}  // namespace vp
