// The files a run writes (run.outputs, run.stats_json, run.bandwidth_csv): each path is
// checked before the simulation, so a typo costs a second instead of a whole run, and
// each write is checked afterwards, so a full disk is never a silent success.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "vp/config/config.h"

namespace vp {

// Throws ConfigError naming the key, where it was set and the path when the file could
// not be written: its directory is missing or not writable, or the path is a directory.
// An empty value (no file) passes. Creates nothing and leaves an existing file as it is.
void check_output_path(const Config& config, const std::string& key);

// Writes config[key] (if set) with `fill` and checks the stream after closing it.
// Returns "" or what went wrong, naming the key and the file; never throws for I/O.
std::string write_output_file(const Config& config, const std::string& key,
                              const std::function<void(std::ostream&)>& fill);

// Prints each failed write ("vp: error: ...") to stderr; true when there was one.
bool report_write_failures(const std::vector<std::string>& failures);

}  // namespace vp
