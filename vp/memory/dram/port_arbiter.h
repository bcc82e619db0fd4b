// How the controller shares the DRAM among its ports (the Zynq DDRC has one for the CPU
// and L2, one for the central interconnect and two for the HP ports).
//
// In a loosely timed model transactions are booked when they are called, so arbitration
// is expressed as priority levels: each level has its own view of the data bus. A port
// books the bus in its level's view; levels below it see that time as taken too (their
// next transfer is pushed back by it), levels above do not see it at all. Hence:
//  - round_robin: one level. Ports are served in the order their transactions arrive,
//    one whole transaction at a time; two ports streaming equal transfers each get half.
//  - fixed_priority: the priority port is level 0 and never waits for the others' data;
//    the other ports (level 1) get what it leaves.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vp/memory/dram/dram_params.h"

namespace vp {

class PortArbiter {
public:
    virtual ~PortArbiter() = default;
    virtual unsigned levels() const = 0;
    virtual unsigned level_of(unsigned port) const = 0;
};

class RoundRobinArbiter final : public PortArbiter {
public:
    unsigned levels() const override { return 1; }
    unsigned level_of(unsigned) const override { return 0; }
};

class FixedPriorityArbiter final : public PortArbiter {
public:
    explicit FixedPriorityArbiter(unsigned priority_port) : priority_port_(priority_port) {}
    unsigned levels() const override { return 2; }
    unsigned level_of(unsigned port) const override { return port == priority_port_ ? 0 : 1; }

private:
    unsigned priority_port_;
};

// Throws ConfigError when fixed_priority names a port that is not in port_names.
std::unique_ptr<PortArbiter> make_port_arbiter(const DramParams& p, const std::string& prefix,
                                               const std::vector<std::string>& port_names);

}  // namespace vp
