#include "vp/platform/trace_platform.h"

#include <sstream>

#include "vp/config/config.h"
#include "vp/platform/run_reports.h"
#include "vp/platform/zynq_memory.h"

namespace vp {

TracePlatform::TracePlatform(const Config& c, StlTrace trace, Stats& stats) {
    const TracePlayerParams params = TracePlayerParams::from_config(c);
    // The CPU sets the global quantum on the MiniZed; here the player is the only initiator.
    tlm_utils::tlm_quantumkeeper::set_global_quantum(
        sc_core::sc_time(static_cast<double>(c.get_uint("sim.quantum_ns")), sc_core::SC_NS));
    hp_ = std::make_unique<AxiInterconnect>("hp", stats, interconnect_params_for_run(c, "hp"));
    ddr_ = make_zynq_ddr(c, stats, {"hp0"});  // the only DDR port a PL master reaches
    ocm_ = make_zynq_ocm(c, stats, {"hp0"});
    const ZynqMemoryWindows memory = zynq_memory_windows(c, *ddr_, *ocm_);

    hp_->add_initiator(PortParams::from_config(c, "hp", "trace"));
    attach_hp0(*hp_, c, *ddr_, *ocm_, memory);
    check_addresses(trace, params.base_address);  // before the trace moves into the player
    player_ = std::make_unique<TracePlayer>("trace", std::move(trace), params, stats);
    player_->socket.bind(hp_->upstream);
}

TracePlatform::~TracePlatform() = default;

// A record the interconnect cannot decode would only show up as counted DECERRs; a trace
// aimed outside the memories is an input mistake, reported before anything runs.
void TracePlatform::check_addresses(const StlTrace& trace, uint64_t base) const {
    for (const StlRecord& r : trace.records) {
        const uint64_t address = base + r.address;
        if (address >= r.address && hp_->address_map().decode(address, r.bytes)) continue;
        std::ostringstream os;
        os << trace.name << ":" << r.line << ": the " << (r.is_write ? "write" : "read") << " of " << r.bytes
           << " bytes at trace address 0x" << std::hex << r.address << " + trace.base_address 0x" << base
           << " = 0x" << address << " does not fit in one memory window of the PL path, expected";
        const char* sep = " ";
        for (const AddressRegion& w : hp_->address_map().regions()) {
            os << sep << w.name << " 0x" << w.base << "..0x" << w.last();
            sep = ", ";
        }
        throw TraceError(os.str());
    }
}

}  // namespace vp
