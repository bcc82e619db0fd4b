#include "peripherals/edgedrnn/edgedrnn_registers.h"

#include <sstream>

#include "software/include/hw/edgedrnn_regs.h"
#include "vp/common/log.h"

namespace edgedrnn {

EdgeDrnnRegisters::EdgeDrnnRegisters(const std::string& owner, const RegisterLimits& limits)
    : bank(owner, EDGEDRNN_REGS_SPAN_BYTES - 1, /*unmapped_is_error=*/false),
      w_baseaddr(bank, "W_BASEADDR", EDGEDRNN_W_BASEADDR, EDGEDRNN_RESET_W_BASEADDR),
      thx(bank, "THX", EDGEDRNN_THX, EDGEDRNN_RESET_THX),
      thh(bank, "THH", EDGEDRNN_THH, EDGEDRNN_RESET_THH),
      num_layer(bank, "NUM_LAYER", EDGEDRNN_NUM_LAYER, 0),
      owner_(owner),
      limits_(limits) {
    for (unsigned k = 0; k <= 4; ++k)
        size.emplace_back(new vp::Register(bank, "SIZE_" + std::to_string(k), EDGEDRNN_SIZE(k),
                                           k == 4 ? EDGEDRNN_RESET_SIZE_4 : 0));
    for (unsigned idx = 9; idx < EDGEDRNN_NUM_REGS; ++idx)
        spare.emplace_back(new vp::Register(bank, "REG" + std::to_string(idx), 4 * idx,
                                            idx == 9 ? EDGEDRNN_RESET_REG9 : 0));

    w_baseaddr.on_write([this](uint32_t v) {
        if (v % 8 != 0) {
            std::ostringstream os;
            os << "W_BASEADDR = 0x" << std::hex << v << " is not 8-byte aligned; the DataMover "
               << "command has no realignment (DSA = 0), so weight columns are misaligned (SPEC 3.1)";
            vp::log_warning(owner_, os.str());
        }
        w_baseaddr.set(v);
        changed();
    });
    thx.on_write([this](uint32_t v) { check_threshold(thx, v); thx.set(v); changed(); });
    thh.on_write([this](uint32_t v) { check_threshold(thh, v); thh.set(v); changed(); });
    num_layer.on_write([this](uint32_t v) {
        const unsigned layers = v & EDGEDRNN_NUM_LAYER_MASK;
        if (layers < 1 || layers > limits_.max_layers)
            vp::log_warning(owner_, "NUM_LAYER = " + std::to_string(v) + " (field " +
                                        std::to_string(layers) + ") is outside 1.." +
                                        std::to_string(limits_.max_layers) +
                                        " (SPEC 6): the RTL's behaviour is undefined; the model "
                                        "will not start a time step");
        num_layer.set(v);
        changed();
    });
    for (unsigned k = 0; k <= 4; ++k) {
        vp::Register& reg = *size[k];
        reg.on_write([this, k, &reg](uint32_t v) { check_size(k, v); reg.set(v); changed(); });
    }
    for (auto& reg : spare) {
        vp::Register* r = reg.get();
        r->on_write([r](uint32_t v) { r->set(v); });
    }
}

unsigned EdgeDrnnRegisters::size_field(unsigned k) const {
    return size[k]->value() & EDGEDRNN_SIZE_MASK;
}

unsigned EdgeDrnnRegisters::layers_field() const {
    return num_layer.value() & EDGEDRNN_NUM_LAYER_MASK;
}

void EdgeDrnnRegisters::check_threshold(const vp::Register& reg, uint32_t value) const {
    if (value <= 0x1FF) return;
    std::ostringstream os;
    os << reg.name() << " = " << value << " is outside the 10-bit signed field's 0..511: ";
    if (value > EDGEDRNN_TH_MASK) os << "bits above 9 are ignored (acts as " << (value & EDGEDRNN_TH_MASK) << "); ";
    if (value & EDGEDRNN_TH_SIGN) os << "bit 9 is set, so the threshold is negative and behaves as 0";
    vp::log_warning(owner_, os.str() + " (SPEC 2)");
}

void EdgeDrnnRegisters::check_size(unsigned k, uint32_t value) const {
    const unsigned field = value & EDGEDRNN_SIZE_MASK;
    if (value == 0 && k >= 2) return;  // unused layers are programmed 0
    std::ostringstream os;
    if (value > EDGEDRNN_SIZE_MASK) os << "bits above 10 are ignored; ";
    if (k == 0) {
        if (field > limits_.max_input)
            os << "input size " << field << " exceeds " << limits_.max_input << "; ";
        if (field % 8 == 4)
            os << "input size " << field << " is not a multiple of 8: the RTL scans "
               << field + 4 << " items, which works only if the extra lanes carry 0; ";
        else if (field % 8 != 0)
            os << "input size " << field << " is not a multiple of 8 (nor 4 mod 8): "
               << "the RTL never completes a step; ";
    } else if (field % 8 != 0 || field < limits_.min_hidden || field > limits_.max_hidden) {
        os << "hidden size " << field << " is outside multiples of 8 in " << limits_.min_hidden
           << ".." << limits_.max_hidden;
        if (field == 8) os << " (H = 8: back-to-back columns lose accumulator updates in the RTL)";
        os << "; ";
    }
    const std::string problems = os.str();
    if (!problems.empty())
        vp::log_warning(owner_, "SIZE_" + std::to_string(k) + " = " + std::to_string(value) +
                                    ": " + problems + "(SPEC 6)");
}

}  // namespace edgedrnn
