// Output files (vp's run reports, vp-sweep's CSV, job lists and plots): a path is checked
// before a long run, so a typo costs a second instead of the run, and every write is
// checked after it, so a full disk is never a silent success.
#pragma once

#include <fstream>
#include <string>

namespace vp {

// Throws ConfigError "<what>: cannot write '<path>': <why>" when the file could not be
// written: the path is a directory, its directory is missing or not writable, or an
// existing file is not writable. Creates nothing and leaves an existing file as it is.
void check_output_path(const std::string& path, const std::string& what);

// Flushes and closes `out`: "" or "<what>: writing '<path>' failed: <why>".
std::string close_output(std::ofstream& out, const std::string& path, const std::string& what);

// close_output, throwing std::runtime_error with its message on a failed write.
void finish_output(std::ofstream& out, const std::string& path, const std::string& what);

}  // namespace vp
