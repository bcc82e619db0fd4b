// The INI syntax every vp file uses: [section] headers, key = value lines, ';' or '#'
// comments at the start of a line or after white space. Syntax errors throw ConfigError
// naming FILE:LINE; what the keys mean is the caller's business.
#pragma once

#include <functional>
#include <string>

namespace vp {

struct IniEntry {
    std::string section;
    std::string key;
    std::string value;
    std::string where;   // "FILE:LINE"
};

void read_ini(const std::string& path, const std::function<void(const IniEntry&)>& on_entry);

}  // namespace vp
