// A generic AXI interconnect, loosely timed: address decode, per-port width and clock,
// burst accounting, a pluggable timing policy, DMI and debug forwarding with address
// translation, and counters per port (recorded once per transaction into its path's
// counters, summed per port when read: port_counters.h). The platform uses it twice: on
// the PS side (CPU to DDR port 0, OCM, UART, timer, GP0 to the PL registers) and on the
// PL side (AXI DMA and EdgeDRNN weight fetch to HP0, then DDR port 1 and OCM).
//
// Assembly (before elaboration): add_initiator / add_target describe the ports, map adds
// address windows; then initiators bind to `upstream` in add_initiator order and
// `downstream` binds to targets in add_target order (checked at end of elaboration).
//
// Per transaction (one b_transport, no allocation, no wait()):
//   decode the whole range [address, address + length): no window, or a range that runs
//     past its window's end, answers TLM_ADDRESS_ERROR_RESPONSE (AXI DECERR) after the
//     initiator port's latency, counted in "<ic>.<port>.decerr" and logged with the time,
//     port and address (an address repeated back to back is logged once; after
//     InterconnectParams::decerr_log_limit messages a port goes quiet, still counting);
//   count beats and bursts on both ports (burst_math.h: burst limit and 4 KiB rule);
//   add the timing policy's delay (timing_policy.h; "fixed" = both ports' latencies +
//     the slowest port's data time; "contention" = contention_timing.h);
//   forward to the target with address - base + target_offset, restore the address after;
//   add the policy's delay after the target (contention: the data not hidden behind the
//     target's, waits for a busy channel).
// AXI attributes come from the payload's AxiExtension (axi_extension.h) when it has one:
// AxSIZE/AxLEN/burst type decide the beats and bursts on the initiator's port, AxQOS the
// "qos" arbitration. The outermost interconnect on a path resets the extension's latency
// breakdown; every hop appends its parts, and the part of a target's time the target did
// not itemise is appended as "<ic>.<port>.target", so the parts always sum exactly to the
// delay the initiator sees. <ic>.breakdown = check verifies that at the outermost hop of
// every transaction (<ic>.breakdown_mismatches, first one logged); = log also logs every
// breakdown (a teaching and debugging switch: one line per transaction).
//
// Simplifications (limits): streaming-width (FIFO) transfers are decoded and timed as
// incrementing bursts; DMI accesses bypass the interconnect, so its counters and timing
// do not see them (the CPU model charges its own time for them); byte enables pass through.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "vp/common/time_ps.h"
#include "vp/interconnect/address_map.h"
#include "vp/interconnect/axi_extension.h"
#include "vp/interconnect/contention_timing.h"
#include "vp/interconnect/path_bursts.h"
#include "vp/interconnect/path_counters.h"
#include "vp/interconnect/port_counters.h"
#include "vp/interconnect/port_params.h"
#include "vp/interconnect/timing_policy.h"

namespace vp {

class Stats;
class ConfigSchema;
class Config;

struct InterconnectParams {
    std::string timing = "fixed";      // make_timing_policy name: fixed | contention
    std::string arbitration = "round_robin";  // contention: round_robin | fixed_priority | qos
    std::string priority_order;        // fixed_priority: initiator port names, highest first
    unsigned decerr_log_limit = 16;    // DECERR messages per initiator port before going quiet
    std::string breakdown = "off";     // off | check | log (see above)
    uint64_t bandwidth_window_ns = 10000;  // bandwidth time series window (0 = none)

    // Keys <prefix>.timing, .arbitration, .priority_order, .decerr_log_limit, .breakdown,
    // .bandwidth_window_ns.
    static void declare(ConfigSchema& schema, const std::string& prefix);
    static InterconnectParams from_config(const Config& config, const std::string& prefix);
};

class AxiInterconnect : public sc_core::sc_module {
public:
    tlm_utils::multi_passthrough_target_socket<AxiInterconnect> upstream;
    tlm_utils::multi_passthrough_initiator_socket<AxiInterconnect> downstream;

    AxiInterconnect(sc_core::sc_module_name name, Stats& stats,
                    const InterconnectParams& params = InterconnectParams());
    ~AxiInterconnect() override;

    // Before elaboration. Return the port's index (= its binding position). Throw
    // ConfigError for bad parameters or a port name already used in this interconnect.
    unsigned add_initiator(const PortParams& port);
    unsigned add_target(const PortParams& port);
    // Throws ConfigError for a zero size, an overlap (both regions named) or an unknown target.
    void map(const AddressRegion& region);
    // Replaces the policy chosen by InterconnectParams::timing (before elaboration).
    void set_timing_policy(std::unique_ptr<TimingPolicy> policy);

    const AddressMap& address_map() const { return map_; }
    const PortCounters& initiator_counters(unsigned index) const { return initiators_.at(index)->counters; }
    const PortCounters& target_counters(unsigned index) const { return targets_.at(index)->counters; }

private:
    struct Port {
        Port(const PortParams& p, const std::string& owner, bool initiator)
            : timing(p, owner), counters(initiator) {}
        PortTiming timing;
        PortCounters counters;
        const AddressRegion* last_region = nullptr;  // decode hint (initiator ports)
        // DECERR log rate limiting (initiator ports).
        uint64_t last_decerr_address = 0;
        uint64_t decerr_repeats = 0;
        unsigned decerr_logged = 0;
    };

    // One direction of one initiator-to-target path: a transaction's counters are recorded
    // here once (the ports' statistics sum their paths when read).
    struct Path {
        PathBurstMemo bursts;
        TimeSeries* initiator_bandwidth = nullptr;  // the ports' series (nullptr: none)
        TimeSeries* target_bandwidth = nullptr;
        PathCounters counters;
    };

    void b_transport(int id, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    // b_transport after the hop count, with the timing policy's type known
    // (ContentionTiming: inline).
    template <class Policy>
    __attribute__((always_inline)) void transport(Policy& policy, int id,
                                                  tlm::tlm_generic_payload& trans,
                                                  sc_core::sc_time& delay, AxiExtension* ext,
                                                  bool outermost);
    unsigned int transport_dbg(int id, tlm::tlm_generic_payload& trans);
    bool get_direct_mem_ptr(int id, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi);
    void invalidate_direct_mem_ptr(int id, sc_dt::uint64 start, sc_dt::uint64 end);
    void end_of_elaboration() override;

    unsigned add_port(std::vector<std::unique_ptr<Port>>& ports, const PortParams& p,
                      bool initiator);
    // The DECERR answer: its delay, counter, log line and breakdown.
    void answer_decerr(Port& port, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay,
                       AxiExtension* ext, bool outermost, TimeUnits now, TimeUnits entry);
    void report_decerr(Port& port, const tlm::tlm_generic_payload& trans,
                       const sc_core::sc_time& local_time);
    // Appends the part of the target's time it did not itemise (breakdown on).
    void add_target_part(const Port& out, LatencyBreakdown& breakdown, TimeUnits before_target,
                         TimeUnits after_target, const sc_core::sc_time& explained_before) const;
    // At the outermost hop: count, verify and (breakdown = log) log the breakdown.
    void check_breakdown(const Port& port, const tlm::tlm_generic_payload& trans,
                         const AxiExtension& ext, const sc_core::sc_time& delay);
    void check_assembly_open(const char* what) const;

    Stats& stats_;
    InterconnectParams params_;
    std::unique_ptr<TimingPolicy> timing_;
    // timing_ when it is the contention policy (set at end of elaboration): called
    // directly, its per-transaction code inline in transport().
    ContentionTiming* contention_ = nullptr;
    AddressMap map_;
    std::vector<std::unique_ptr<Port>> initiators_;  // stable addresses: stats hold pointers
    std::vector<std::unique_ptr<Port>> targets_;
    std::vector<Path> paths_;  // [initiator][target][is_write], built at end of elaboration
    UnitsToPs to_ps_;  // the counters' ps from the timing's TimeUnits
    bool units_are_ps_ = false;  // time resolution 1 ps (the default): to_ps_ is the identity
    TimeOfUnits forward_time_, backward_time_;  // the delays added, as sc_time
    TimeOfUnits data_time_;  // our data phase, as sc_time (AxiExtension::target_data_time)
    bool elaborated_ = false;
    bool check_breakdown_ = false;
    bool log_breakdown_ = false;
    uint64_t breakdown_checked_ = 0, breakdown_mismatches_ = 0;
};

}  // namespace vp
