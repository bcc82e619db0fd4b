// Opening an input file by path, in one place: a directory or a device opens and reads
// as an empty file under std::ifstream, which would silently stand for "no settings",
// "no transactions" or give a system error far from the key that named it.
// Header-only: vp_workload (no vp_core) uses it too.
#pragma once

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace vp {

// Why `path` cannot be read as `expected` ("a trace file"), or "" when it can be opened.
// Regular files and pipes (a generated file through <(...)) are accepted; a directory,
// a missing path or a device (/dev/null would read as an empty file) are not.
inline std::string input_file_problem(const std::string& path, const std::string& expected) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    const std::string tail = ", expected " + expected;
    if (path.empty()) return "no file named" + tail;
    if (!fs::exists(st)) return path + ": cannot open the file (no such file)" + tail;
    if (fs::is_directory(st)) return path + ": is a directory" + tail;
    if (fs::is_character_file(st) || fs::is_block_file(st)) return path + ": is a device, not a file" + tail;
    return "";
}

// Opens `path` for reading or throws Error("<key>: <path>: <why>, expected <expected>")
// (without "<key>: " when no key named the path).
template <class Error>
std::ifstream open_input_file(const std::string& path, const std::string& expected,
                              const std::string& key = {},
                              std::ios::openmode mode = std::ios::in) {
    std::string problem = input_file_problem(path, expected);
    std::ifstream in;
    if (problem.empty()) {
        in.open(path, mode);
        if (!in) problem = path + ": cannot open the file (" + std::strerror(errno) + "), expected " + expected;
    }
    if (!problem.empty()) throw Error(key.empty() ? problem : key + ": " + problem);
    return in;
}

}  // namespace vp
