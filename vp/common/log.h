// Diagnostics for models and tools: warnings and errors go to stderr with the simulated
// time and the component's name, so a user can place them in the run.
#pragma once

#include <string>

namespace vp {

// "[   1.234 us] warning: edgedrnn: ..." (simulated time when SystemC is running).
void log_warning(const std::string& component, const std::string& message);
// Same, but only the first time this (component, key) pair is seen in the process.
void log_warning_once(const std::string& component, const std::string& key,
                      const std::string& message);
void log_info(const std::string& component, const std::string& message);
// Number of warnings issued so far (for the end-of-run summary).
unsigned warning_count();
// Silences log_info (warnings always print).
void set_quiet(bool quiet);

}  // namespace vp
