#include "vp/platform/output_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace vp {
namespace {

std::string named(const Config& config, const std::string& key, const std::string& path) {
    return key + " (" + config.origin(key) + "): cannot write '" + path + "'";
}

}  // namespace

void check_output_path(const Config& config, const std::string& key) {
    namespace fs = std::filesystem;
    const std::string path = config.get_string(key);
    if (path.empty()) return;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (fs::is_directory(st)) throw ConfigError(named(config, key, path) + ": it is a directory, expected a file");
    if (fs::exists(st)) {
        // Opening for append tests the permission without truncating the file.
        std::ofstream probe(path, std::ios::app);
        if (!probe) throw ConfigError(named(config, key, path) + ": " + std::strerror(errno));
        return;
    }
    // A new file: its directory must exist and take new entries. Nothing is created, so
    // a run that fails before its end leaves no empty file behind.
    const fs::path parent = fs::path(path).parent_path();
    const std::string dir = parent.empty() ? std::string(".") : parent.string();
    if (!fs::is_directory(dir, ec))
        throw ConfigError(named(config, key, path) + ": " +
                          (fs::exists(dir, ec) ? "'" + dir + "' is not a directory"
                                               : "the directory '" + dir + "' does not exist"));
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        throw ConfigError(named(config, key, path) + ": the directory '" + dir + "' is not writable");
}

std::string write_output_file(const Config& config, const std::string& key,
                              const std::function<void(std::ostream&)>& fill) {
    const std::string path = config.get_string(key);
    if (path.empty()) return "";
    errno = 0;
    std::ofstream f(path);
    if (!f) return named(config, key, path) + ": " + std::strerror(errno);
    fill(f);
    f.flush();
    const int flush_errno = errno;
    f.close();  // a failed flush of the last buffer shows here
    if (f.fail())
        return key + " (" + config.origin(key) + "): writing '" + path + "' failed" +
               (flush_errno ? std::string(": ") + std::strerror(flush_errno) : std::string());
    return "";
}

bool report_write_failures(const std::vector<std::string>& failures) {
    for (const std::string& f : failures) std::fprintf(stderr, "vp: error: %s\n", f.c_str());
    return !failures.empty();
}

}  // namespace vp
