#include "vp/sweep/sweep_outputs.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "vp/config/config.h"

namespace vp {

void check_output_path(const std::string& path, const std::string& what) {
    namespace fs = std::filesystem;
    const std::string named = what + " '" + path + "'";
    if (path.empty()) throw ConfigError(what + ": an empty path, expected a file name");
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (fs::exists(status)) {
        if (fs::is_directory(status)) throw ConfigError(named + ": is a directory, expected a file");
        if (access(path.c_str(), W_OK) != 0) throw ConfigError(named + ": not writable (" + std::strerror(errno) + ")");
        return;
    }
    const fs::path parent = fs::path(path).parent_path();
    const std::string folder = parent.empty() ? "." : parent.string();
    const auto folder_status = fs::status(folder, ec);
    if (!fs::exists(folder_status)) throw ConfigError(named + ": the folder '" + folder + "' does not exist");
    if (!fs::is_directory(folder_status)) throw ConfigError(named + ": '" + folder + "' is not a folder");
    if (access(folder.c_str(), W_OK | X_OK) != 0)
        throw ConfigError(named + ": the folder '" + folder + "' is not writable (" + std::strerror(errno) + ")");
}

void finish_output(std::ofstream& out, const std::string& path, const std::string& what) {
    int error = 0;
    out.flush();
    if (!out) error = errno;
    out.close();
    if (!out && !error) error = errno;
    if (!out)
        throw std::runtime_error("writing " + what + " '" + path + "' failed (" +
                                 std::strerror(error ? error : EIO) + "); the file is incomplete");
}

}  // namespace vp
