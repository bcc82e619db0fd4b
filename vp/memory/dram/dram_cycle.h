// The DRAM model counts time in whole controller clock cycles from time zero, as the
// controller does; conversion to sc_time happens once per transaction.
#pragma once

#include <cstdint>

namespace vp {

using Cycle = int64_t;
// "Long ago": the initial value of every busy-until and last-command time, so that
// `last + tXYZ` never constrains a first command (and never overflows).
constexpr Cycle kLongAgo = -(Cycle{1} << 40);

}  // namespace vp
