// The INI syntax every vp file uses: [section] headers, key = value lines, ';' or '#'
// comments at the start of a line or after white space. Syntax errors throw ConfigError
// naming FILE:LINE; what the sections and keys mean is the caller's business.
// A UTF-8 byte order mark at the start of a file is skipped.
#pragma once

#include <functional>
#include <map>
#include <string>

namespace vp {

struct IniLine {
    std::string where;        // "FILE:LINE", for messages
    bool is_section = false;  // a [section] header (section holds its name)
    std::string section;      // the current section ("" before any header)
    std::string key;          // a key line's key, as written
    std::string value;
};

// Calls on_line for every header and key line, in file order. A path that is not a
// readable file (missing, a directory, a device) throws ConfigError naming `key` (the
// option or key that named the path, when there is one) and what was `expected`.
void read_ini(const std::string& path, const std::function<void(const IniLine&)>& on_line,
              const std::string& expected = "a configuration file", const std::string& key = {});

// One file's keys, to reject a key given twice in a section (the second would silently
// win): check() throws ConfigError naming both lines. Repeated [section] headers are
// the same section.
class IniDuplicateCheck {
public:
    void check(const IniLine& key_line);

private:
    std::map<std::string, std::string> first_;  // "section.key" -> "FILE:LINE"
};

// White space removed at both ends.
std::string trim(const std::string& text);

}  // namespace vp
