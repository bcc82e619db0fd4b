#include "peripherals/edgedrnn/gru_arith.h"

#include <array>

namespace edgedrnn {
namespace {

// Break points (X0 -> y): output y for every X >= X0 up to the next X0 (SPEC 4.6).
struct BreakPoint {
    int16_t x0;
    int16_t y;
};

constexpr std::array<BreakPoint, 17> kSigmoid{{
    {-32768, 0}, {-879, 16}, {-580, 32}, {-431, 48}, {-325, 64}, {-240, 80},
    {-165, 96}, {-97, 112}, {-32, 128}, {33, 144}, {98, 160}, {166, 176},
    {241, 192}, {326, 208}, {432, 224}, {581, 240}, {880, 256}}};

constexpr std::array<BreakPoint, 33> kTanh{{
    {-32768, -256}, {-530, -240}, {-385, -224}, {-315, -208}, {-268, -192},
    {-231, -176}, {-201, -160}, {-174, -144}, {-151, -128}, {-130, -112},
    {-110, -96}, {-91, -80}, {-73, -64}, {-56, -48}, {-40, -32}, {-24, -16},
    {-8, 0}, {9, 16}, {25, 32}, {41, 48}, {57, 64}, {74, 80}, {92, 96},
    {111, 112}, {131, 128}, {152, 144}, {175, 160}, {202, 176}, {232, 192},
    {269, 208}, {316, 224}, {386, 240}, {531, 256}}};

// The LUT is a pure function of 16 bits: expand the break points once into a 64 Ki
// table so the datapath does one load per activation (gru_arith.h).
template <std::size_t N>
std::array<int16_t, 65536> expand(const std::array<BreakPoint, N>& points) {
    std::array<int16_t, 65536> table{};
    std::size_t k = 0;
    for (int32_t x = -32768; x <= 32767; ++x) {
        while (k + 1 < N && x >= points[k + 1].x0) ++k;
        table[static_cast<uint16_t>(x)] = points[k].y;
    }
    return table;
}

}  // namespace

const std::array<int16_t, 65536> kSigmoidTable = expand(kSigmoid);
const std::array<int16_t, 65536> kTanhTable = expand(kTanh);

}  // namespace edgedrnn
