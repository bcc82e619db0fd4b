#include "tests/support/test_paths.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace vp_test {

std::string shared_data_dir() {
    const fs::path dir(VP_SHARED_DATA_DIR);
    if (fs::exists(dir / "rtl-testbench") && fs::exists(dir / "sdk-export"))
        return fs::canonical(dir).string();
    return "";
}

std::string scratch_dir(const std::string& test_name) {
    const fs::path dir = fs::path(VP_BINARY_DIR) / "test-scratch" / test_name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

std::string write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + path);
    out << text;
    return path;
}

}  // namespace vp_test
