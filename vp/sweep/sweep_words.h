// Splits a sweep file's value lists into words. White space separates words; a part in
// double quotes keeps its spaces ("13.125 ns" is one value, as is ddr.tRCD="13.125 ns"
// in `set`), so DRAM times with units can be swept. The quotes themselves are removed.
#pragma once

#include <string>
#include <vector>

namespace vp {

// Throws ConfigError naming `where` for an unterminated quote.
std::vector<std::string> split_sweep_words(const std::string& text, const std::string& where);

}  // namespace vp
