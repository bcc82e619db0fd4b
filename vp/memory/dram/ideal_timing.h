// The memory that costs nothing (`<memory>.timing = ideal`): a reference point, so a
// user can see how much of a latency is the DRAM's.
#pragma once

#include "vp/memory/ram.h"

namespace vp {

class IdealTiming final : public MemoryTimingPolicy {
public:
    sc_core::sc_time access(unsigned, bool, uint64_t, uint64_t, const sc_core::sc_time&,
                            LatencyBreakdown* = nullptr) override {
        return sc_core::SC_ZERO_TIME;
    }
    sc_core::sc_time dmi_latency_per_byte(bool) const override { return sc_core::SC_ZERO_TIME; }
};

}  // namespace vp
