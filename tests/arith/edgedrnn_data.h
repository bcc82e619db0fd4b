// Tiny readers for the real EdgeDRNN data files (SPEC 3.4), local to the arithmetic
// tests: the project's importers are tested elsewhere, and these tests must not depend
// on them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace arith_test {

// One bus word per line, hex MSB first, "//" starts a comment. Returns every line as
// its lanes (lane 0 = least significant digits), each sign-extended from lane_bits.
std::vector<std::vector<int32_t>> read_hex_words(const std::string& path, unsigned lane_bits);

// All lanes of all lines, in order (line 0 lane 0, line 0 lane 1, ...).
std::vector<int32_t> read_hex_lanes_flat(const std::string& path, unsigned lane_bits);

// "IN : lut_out[i] = OUT;" lines as (IN, OUT) pairs.
std::vector<std::pair<int, int>> read_lut_table(const std::string& path);

// The initialiser of the C array `name` in a source file ("... name[...] = { ... };"),
// as numbers (integers and floats alike).
std::vector<double> read_c_array(const std::string& path, const std::string& name);

template <typename T>
std::vector<T> narrow_all(const std::vector<double>& values) {
    return std::vector<T>(values.begin(), values.end());
}

template <typename T>
std::vector<T> narrow_all(const std::vector<int32_t>& values) {
    return std::vector<T>(values.begin(), values.end());
}

}  // namespace arith_test
