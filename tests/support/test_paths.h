// Paths the tests use: the real EdgeDRNN data (optional) and scratch files.
#pragma once
#include <string>

namespace vp_test {
// ../shared/edgedrnn/data, or "" when it is absent (the caller then GTEST_SKIPs).
std::string shared_data_dir();
// A fresh, empty scratch folder for this test (under the build tree).
std::string scratch_dir(const std::string& test_name);
// Writes text to a file and returns its path.
std::string write_file(const std::string& path, const std::string& text);
}  // namespace vp_test

// Skips the current test with a message when the real data is absent.
#define VP_REQUIRE_SHARED_DATA(dir_var)                                                \
    const std::string dir_var = vp_test::shared_data_dir();                            \
    if (dir_var.empty()) GTEST_SKIP() << "real EdgeDRNN data not found at "            \
                                      << VP_SHARED_DATA_DIR << " (../shared absent)"
