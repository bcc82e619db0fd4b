#include "vp/memory/dram/port_arbiter.h"

#include "vp/config/config.h"

namespace vp {

std::unique_ptr<PortArbiter> make_port_arbiter(const DramParams& p, const std::string& prefix,
                                               const std::vector<std::string>& port_names) {
    if (p.arbitration == ArbitrationKind::RoundRobin) return std::make_unique<RoundRobinArbiter>();
    for (unsigned i = 0; i < port_names.size(); ++i)
        if (port_names[i] == p.priority_port) return std::make_unique<FixedPriorityArbiter>(i);
    std::string known;
    for (const auto& n : port_names) known += " " + n;
    throw ConfigError(prefix + ".priority_port = '" + p.priority_port +
                      "': no such port on this memory (ports:" + known + ")");
}

}  // namespace vp
