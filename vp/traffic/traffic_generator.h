// A traffic generator: an initiator that streams memcpy-like traffic (read a block,
// write it elsewhere, repeat) to memory for the whole run, as a busy CPU or a second
// master would. It exists for what-if studies of contention: how much does the
// accelerator slow down when the DDR is shared? Enabled by traffic.enable; the platform
// gives it its own initiator port ("traffic") on the PS interconnect.
//
// Each transaction is one b_transport (blocking: one in flight), timed and counted by the
// interconnect and the memory; the generator keeps its own local time with a quantum
// keeper and never calls wait() except to synchronise. The default 32-byte transactions
// are the Cortex-A9's cache-line fills and evictions of a memcpy.
#pragma once

#include <cstdint>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

namespace vp {

class ConfigSchema;
class Config;
class Stats;

struct TrafficParams {
    bool enable = false;
    uint64_t read_address = 0x1000'0000;   // copy source (DDR, away from the job's data)
    uint64_t write_address = 0x1800'0000;  // copy destination
    uint64_t span_bytes = 1u << 20;        // the copy wraps around after this many bytes
    uint64_t transaction_bytes = 32;       // bytes per read and per write
    double bandwidth_bytes_per_s = 0;      // copy rate cap (0 = as fast as the path allows)
    uint64_t start_ns = 0;                 // simulated time of the first transaction

    // Keys traffic.enable, .read_address, .write_address, .span_bytes,
    // .transaction_bytes, .bandwidth_bytes_per_s, .start_ns.
    static void declare(ConfigSchema& schema);
    static TrafficParams from_config(const Config& config);
};

class TrafficGenerator : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<TrafficGenerator> socket;

    TrafficGenerator(sc_core::sc_module_name name, const TrafficParams& params, Stats& stats);

private:
    void run();
    bool transfer(tlm::tlm_command command, uint64_t address);

    TrafficParams params_;
    tlm_utils::tlm_quantumkeeper qk_;
    tlm::tlm_generic_payload trans_;
    std::vector<unsigned char> buffer_;
    uint64_t copied_bytes_ = 0, errors_ = 0;
};

}  // namespace vp
