// EdgeDRNN's 32 AXI-Lite registers (SPEC 2), declared as members. Offsets and reset
// values come from the C header the driver uses (software/include/hw/edgedrnn_regs.h).
// Reads return the stored value, responses are always OKAY, and only address bits [6:2]
// are decoded (offsets alias every 128 bytes), as in the RTL's AXI-Lite slave.
//
// Writes outside SPEC 6's limits are stored as the hardware stores them and warned about,
// naming the register and the limit.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vp/common/register_bank.h"

namespace edgedrnn {

struct RegisterLimits {
    unsigned max_layers = 4;
    unsigned min_hidden = 16;
    unsigned max_hidden = 1024;
    unsigned max_input = 1024;
};

class EdgeDrnnRegisters {
public:
    EdgeDrnnRegisters(const std::string& owner, const RegisterLimits& limits);

    vp::RegisterBank bank;
    vp::Register w_baseaddr, thx, thh, num_layer;
    std::vector<std::unique_ptr<vp::Register>> size;   // SIZE_0 .. SIZE_4
    std::vector<std::unique_ptr<vp::Register>> spare;  // registers 9 .. 31

    // Called after every register write (the model re-checks whether a step can start).
    void on_change(std::function<void()> callback) { on_change_ = std::move(callback); }

    unsigned size_field(unsigned k) const;     // SIZE_k bits [10:0]
    unsigned layers_field() const;             // NUM_LAYER bits [2:0]

private:
    void check_threshold(const vp::Register& reg, uint32_t value) const;
    void check_size(unsigned k, uint32_t value) const;
    void changed() { if (on_change_) on_change_(); }

    std::string owner_;
    RegisterLimits limits_;
    std::function<void()> on_change_;
};

}  // namespace edgedrnn
