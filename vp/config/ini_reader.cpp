#include "vp/config/ini_reader.h"

#include <fstream>

#include "vp/config/config.h"
#include "vp/config/input_file.h"

namespace vp {
namespace {

std::string strip_comment(const std::string& line) {
    for (std::size_t i = 0; i < line.size(); ++i)
        if ((line[i] == ';' || line[i] == '#') && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
            return line.substr(0, i);
    return line;
}

}  // namespace

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

void IniDuplicateCheck::check(const IniLine& line) {
    const auto [it, added] = first_.emplace(line.section + "." + line.key, line.where);
    if (!added)
        throw ConfigError(line.where + ": key '" + line.key + "' given twice in [" + line.section +
                          "] (first at " + it->second + "); give each key once");
}

void read_ini(const std::string& path, const std::function<void(const IniLine&)>& on_line,
              const std::string& expected, const std::string& key) {
    std::ifstream in = open_input_file<ConfigError>(path, expected, key);
    IniLine out;
    std::string line;
    for (unsigned lineno = 1; std::getline(in, line); ++lineno) {
        out.where = path + ":" + std::to_string(lineno);
        // Editors on Windows start UTF-8 files with a byte order mark; it is no content.
        if (lineno == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
        const std::string text = trim(strip_comment(line));
        if (text.empty()) continue;
        if (text.front() == '[') {
            if (text.back() != ']' || text.size() < 3)
                throw ConfigError(out.where + ": malformed section header '" + text + "', expected [name]");
            out.is_section = true;
            out.section = trim(text.substr(1, text.size() - 2));
            out.key.clear();
            out.value.clear();
            on_line(out);
            continue;
        }
        const auto eq = text.find('=');
        if (eq == std::string::npos) throw ConfigError(out.where + ": '" + text + "': expected key = value");
        out.is_section = false;
        out.key = trim(text.substr(0, eq));
        out.value = trim(text.substr(eq + 1));
        on_line(out);
    }
    if (in.bad()) throw ConfigError(path + ": read error, expected " + expected);
}

}  // namespace vp
