// A RAM target for the DDR and the OCM: sparse storage (only touched pages take host
// memory, so a 512 MiB DDR costs nothing), several ports (the Zynq DDR controller has a
// CPU port and an HP port; each interconnect binds `socket` once), DMI, debug
// access for loaders, and a replaceable timing model.
//
// Timing convention shared by every memory target: b_transport adds to `delay` the time
// until the LAST beat has been delivered (for a write: accepted).
//
// Access rules (documented choices):
//  - an access that does not fit in [0, size_bytes) answers TLM_ADDRESS_ERROR_RESPONSE,
//    counted in "<ram>.errors" and the port's ".errors", and logged (once per port);
//  - byte enables are honoured for reads and writes (a disabled byte is neither written
//    nor copied; the pattern repeats every byte_enable_length bytes);
//  - a streaming width shorter than the data length (FIFO addressing) is not a memory
//    access: TLM_BURST_ERROR_RESPONSE;
//  - DMI is granted for the whole memory at once (SparseStorage is one contiguous
//    reservation whose host pages appear on first touch), for reading and writing; its
//    latencies are per byte (MemoryTimingPolicy::dmi_latency_per_byte). DMI accesses are
//    neither timed nor counted here: the DMI user charges its own time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "vp/memory/sparse_storage.h"

namespace vp {

class Stats;
class ConfigSchema;
class Config;
class LatencyBreakdown;

struct RamParams {
    uint64_t size_bytes = 512ull << 20;
    double latency_ns = 50;                     // request to first data
    double bandwidth_bytes_per_s = 2.133e9;     // DDR3L-1066 x16 peak: 1066 MT/s x 2 bytes

    // Keys <prefix>.size_bytes, <prefix>.latency_ns, <prefix>.bandwidth_bytes_per_s
    // ("ddr.size_bytes", "ocm.latency_ns", ...) with the given defaults.
    static void declare(ConfigSchema& schema, const std::string& prefix,
                        const RamParams& defaults);
    static void declare(ConfigSchema& schema, const std::string& prefix);  // these defaults
    static RamParams from_config(const Config& config, const std::string& prefix);
};

// When a memory access completes: the timing model of a memory, chosen by config
// (`<memory>.timing`: simple = BandwidthTiming below, dram = vp/memory/dram/, ideal).
class MemoryTimingPolicy {
public:
    virtual ~MemoryTimingPolicy() = default;
    // Delay from `arrival` (the transaction's local time, sc_time_stamp() + delay) until
    // its last beat is delivered. `port` is the socket index the access came in on.
    // When `breakdown` is not null, the policy appends the parts of the delay it returns
    // (labels are string literals or strings the policy owns), summing exactly to it.
    virtual sc_core::sc_time access(unsigned port, bool is_write, uint64_t address,
                                    uint64_t bytes, const sc_core::sc_time& arrival,
                                    LatencyBreakdown* breakdown = nullptr) = 0;
    // Per-byte cost a DMI user should charge (TLM leaves the unit to the model; here: the
    // streaming cost of one byte, the fixed latency being hidden by the CPU's caches).
    virtual sc_core::sc_time dmi_latency_per_byte(bool is_write) const = 0;
    // The data phase (first beat to last) of the access just timed; the Ram reports it to
    // the interconnects on the path (AxiExtension::target_data_time) so they can overlap
    // their beats with it. Zero = not modelled.
    virtual sc_core::sc_time last_data_time() const { return sc_core::SC_ZERO_TIME; }
    // Called once at the end of elaboration with the memory's name ("ddr") and its
    // ports' names, so a policy can name its breakdown parts and register statistics.
    virtual void elaborate(const std::string& /*memory_name*/,
                           const std::vector<std::string>& /*port_names*/, Stats& /*stats*/) {}
};

// Issue 3's model: delay = latency_ns + bytes / bandwidth, where the data phase occupies
// one data bus shared by all ports and by reads and writes: a transfer's data starts at
// max(arrival + latency, bus free), so two ports streaming at once each get about half
// the bandwidth. Approximation (loosely timed): the bus is booked in call order, not
// arrival order; an initiator that runs behind another's local time waits behind it
// rather than going first (no reordering), which is exact when initiators stay within a
// quantum of each other and transfers are long compared to it, and pessimistic by at
// most one transfer otherwise. The fixed latency overlaps a previous transfer's data
// (a pipelined controller); no banks, rows, refresh or read/write turnaround (issue 4).
class BandwidthTiming final : public MemoryTimingPolicy {
public:
    BandwidthTiming(double latency_ns, double bandwidth_bytes_per_s);
    sc_core::sc_time access(unsigned port, bool is_write, uint64_t address, uint64_t bytes,
                            const sc_core::sc_time& arrival,
                            LatencyBreakdown* breakdown = nullptr) override;
    sc_core::sc_time dmi_latency_per_byte(bool is_write) const override;
    sc_core::sc_time last_data_time() const override { return last_data_; }
    void elaborate(const std::string& memory_name, const std::vector<std::string>& port_names,
                   Stats& stats) override;

private:
    sc_core::sc_time last_data_ = sc_core::SC_ZERO_TIME;
    // Breakdown labels: "<memory>.latency", "<memory>.queue", "<memory>.data".
    std::string label_latency_ = "memory.latency", label_queue_ = "memory.queue",
                label_data_ = "memory.data";
    sc_core::sc_time latency_;
    double seconds_per_byte_;
    double units_per_byte_;  // time resolution units per byte (avoids unit conversion per call)
    sc_core::sc_time bus_free_ = sc_core::SC_ZERO_TIME;  // data bus busy until (absolute)
};

class Ram : public sc_core::sc_module {
public:
    tlm_utils::multi_passthrough_target_socket<Ram> socket;

    // port_names[i] names socket binding i in statistics; unnamed ports are "port<i>".
    Ram(sc_core::sc_module_name name, const RamParams& params, Stats& stats,
        std::vector<std::string> port_names = {});
    ~Ram() override;

    // Before elaboration (statistics are registered at the end of elaboration, when the
    // number of bindings is known).
    void name_port(unsigned index, std::string name);
    void set_timing_policy(std::unique_ptr<MemoryTimingPolicy> policy);
    MemoryTimingPolicy& timing_policy() { return *timing_; }

    SparseStorage& storage() { return storage_; }
    const RamParams& params() const { return params_; }

private:
    struct PortCounters {
        uint64_t reads = 0, writes = 0, read_bytes = 0, write_bytes = 0, errors = 0;
        bool error_logged = false;
    };

    void b_transport(int port, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned int transport_dbg(int port, tlm::tlm_generic_payload& trans);
    bool get_direct_mem_ptr(int port, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi);
    void end_of_elaboration() override;

    // Copies the data; sets and returns the response status.
    tlm::tlm_response_status access(tlm::tlm_generic_payload& trans);
    void copy_with_byte_enables(tlm::tlm_generic_payload& trans);
    void count_error(int port, const tlm::tlm_generic_payload& trans);  // and log the first per port
    void register_stats(const std::string& prefix, const PortCounters& c);

    RamParams params_;
    Stats& stats_;
    SparseStorage storage_;
    std::unique_ptr<MemoryTimingPolicy> timing_;
    std::vector<std::string> port_names_;
    std::vector<PortCounters> ports_;  // sized once at end of elaboration (stats hold pointers)
    PortCounters total_;
};

}  // namespace vp
