// Helpers shared by the workload importer tests: capture a WorkloadError's message and
// check it names the file, the line and the expectation.
#pragma once

#include "vp/workload/workload.h"

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

namespace vp_test {

// The message of the WorkloadError `f` throws, or a marker when it throws none.
template <class F>
std::string workload_error(F&& f) {
    try {
        f();
    } catch (const vp::WorkloadError& e) {
        return e.what();
    }
    return "<no WorkloadError thrown>";
}

// "PATH:LINE:" as the importers start their messages.
inline std::string at(const std::string& path, unsigned line) {
    return path + ":" + std::to_string(line) + ":";
}

inline void expect_contains(const std::string& message, std::initializer_list<std::string> parts) {
    for (const std::string& p : parts)
        EXPECT_NE(message.find(p), std::string::npos) << "missing '" << p << "' in: " << message;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// 1-based line of the first occurrence of `needle` in `text` (0 if absent).
inline unsigned line_of(const std::string& text, const std::string& needle) {
    const size_t pos = text.find(needle);
    if (pos == std::string::npos) return 0;
    unsigned line = 1;
    for (size_t i = 0; i < pos; ++i) line += text[i] == '\n';
    return line;
}

// Replaces the first occurrence of `from` (which must exist) by `to`.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const size_t pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << "fixture text not found: " << from;
    if (pos != std::string::npos) text.replace(pos, from.size(), to);
    return text;
}

}  // namespace vp_test
