#include "vp/platform/output_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "vp/common/output_path.h"

namespace vp {
void check_output_path(const Config& config, const std::string& key) {
    const std::string path = config.get_string(key);
    if (!path.empty()) check_output_path(path, config.named(key));
}

std::string write_output_file(const Config& config, const std::string& key,
                              const std::function<void(std::ostream&)>& fill) {
    const std::string path = config.get_string(key);
    if (path.empty()) return "";
    errno = 0;
    std::ofstream f(path);
    if (!f) return config.named(key) + ": cannot write '" + path + "': " + std::strerror(errno);
    fill(f);
    return close_output(f, path, config.named(key));
}

bool report_write_failures(const std::vector<std::string>& failures) {
    for (const std::string& f : failures) std::fprintf(stderr, "vp: error: %s\n", f.c_str());
    return !failures.empty();
}

}  // namespace vp
