// The shipped DDR presets as a gtest parameter list, for tests that must hold on every
// part: INSTANTIATE_TEST_SUITE_P(Presets, Suite, shipped_presets(), preset_test_name).
#pragma once

#include <string>

#include <gtest/gtest.h>

namespace dram_test {

inline auto shipped_presets() {
    return ::testing::Values("ddr3l-1066-x16", "ddr3-1600-x32", "ddr4-2400-x64", "lpddr4-3200-x32");
}

// Test names take no '-': "ddr3l-1066-x16" runs as .../ddr3l_1066_x16.
inline std::string preset_test_name(const ::testing::TestParamInfo<std::string>& info) {
    std::string n = info.param;
    for (char& ch : n)
        if (ch == '-') ch = '_';
    return n;
}

}  // namespace dram_test
