#include "vp/common/log.h"

#include <cstdio>
#include <set>
#include <utility>

#include <systemc>

namespace vp {
namespace {

unsigned g_warnings = 0;
bool g_quiet = false;

std::string time_prefix() {
    // sc_time_stamp() is valid at any time (0 before elaboration ends).
    char buf[48];
    std::snprintf(buf, sizeof buf, "[%12.3f us] ", sc_core::sc_time_stamp().to_seconds() * 1e6);
    return buf;
}

}  // namespace

void log_warning(const std::string& component, const std::string& message) {
    ++g_warnings;
    std::fprintf(stderr, "%swarning: %s: %s\n", time_prefix().c_str(), component.c_str(),
                 message.c_str());
}

void log_warning_once(const std::string& component, const std::string& key,
                      const std::string& message) {
    static std::set<std::pair<std::string, std::string>> seen;
    if (seen.insert({component, key}).second) log_warning(component, message);
}

void log_info(const std::string& component, const std::string& message) {
    if (g_quiet) return;
    std::fprintf(stderr, "%s%s: %s\n", time_prefix().c_str(), component.c_str(), message.c_str());
}

unsigned warning_count() { return g_warnings; }
void set_quiet(bool quiet) { g_quiet = quiet; }

}  // namespace vp
