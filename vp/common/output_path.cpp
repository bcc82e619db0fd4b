#include "vp/common/output_path.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "vp/config/config.h"

namespace vp {

void check_output_path(const std::string& path, const std::string& what) {
    namespace fs = std::filesystem;
    const std::string cannot = what + ": cannot write '" + path + "'";
    if (path.empty()) throw ConfigError(what + ": an empty path, expected a file name");
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status)) throw ConfigError(cannot + ": it is a directory, expected a file");
    if (fs::exists(status)) {
        if (::access(path.c_str(), W_OK) != 0) throw ConfigError(cannot + ": " + std::strerror(errno));
        return;
    }
    // A new file: its directory must exist and take new entries.
    const fs::path parent = fs::path(path).parent_path();
    const std::string dir = parent.empty() ? std::string(".") : parent.string();
    const fs::file_status dir_status = fs::status(dir, ec);
    if (!fs::exists(dir_status)) throw ConfigError(cannot + ": the directory '" + dir + "' does not exist");
    if (!fs::is_directory(dir_status)) throw ConfigError(cannot + ": '" + dir + "' is not a directory");
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        throw ConfigError(cannot + ": the directory '" + dir + "' is not writable");
}

std::string close_output(std::ofstream& out, const std::string& path, const std::string& what) {
    errno = 0;
    out.flush();
    int error = out ? 0 : errno;
    out.close();  // a failed write of the last buffer shows here
    if (out && !error) return "";
    if (!error) error = errno ? errno : EIO;
    return what + ": writing '" + path + "' failed: " + std::strerror(error);
}

void finish_output(std::ofstream& out, const std::string& path, const std::string& what) {
    const std::string failure = close_output(out, path, what);
    if (!failure.empty()) throw std::runtime_error(failure);
}

}  // namespace vp
