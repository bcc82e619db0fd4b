// The trace platform: the MiniZed's PL memory path with a trace player in place of the
// accelerator and the DMA, assembled from the same platform file keys as "minized":
//
//   trace player --> hp interconnect (port "trace", keys [hp]) --> hp0 (keys [hp0])
//                --> ddr (port "hp0"; ddr.timing, ddr.preset) / ocm (port "hp0")
//
// The memory windows and the HP0 port are built by zynq_memory.h, as on the MiniZed, so
// a trace meets exactly the path the accelerator's masters meet (minus their traffic).
#pragma once

#include <memory>

#include "vp/interconnect/axi_interconnect.h"
#include "vp/memory/ram.h"
#include "vp/traffic/trace_player.h"

namespace vp {

class Config;
class Stats;

class TracePlatform {
public:
    // Throws ConfigError for bad platform keys, TraceError for a record outside the
    // memories (naming the trace's file and line). Call before elaboration.
    TracePlatform(const Config& config, StlTrace trace, Stats& stats);
    ~TracePlatform();

    TracePlayer& player() { return *player_; }
    const AxiInterconnect& interconnect() const { return *hp_; }

private:
    void check_addresses(const StlTrace& trace, uint64_t base_address) const;

    std::unique_ptr<AxiInterconnect> hp_;
    std::unique_ptr<Ram> ddr_, ocm_;
    std::unique_ptr<TracePlayer> player_;
};

}  // namespace vp
