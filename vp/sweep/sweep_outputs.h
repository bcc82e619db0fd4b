// Output files of vp-sweep (the CSV, the job list, the Slurm script, the plot): checked
// before any run starts, so a bad path does not waste a sweep; and checked after
// writing, so a full disk or /dev/full is an error, not a silent empty file.
#pragma once

#include <fstream>
#include <string>

namespace vp {

// Throws ConfigError when `path` cannot be created or written: its folder is missing or
// not writable, or it is a directory. `what` names it ("--csv").
void check_output_path(const std::string& path, const std::string& what);

// Flushes and closes `out`; throws std::runtime_error naming `path` when any write failed.
void finish_output(std::ofstream& out, const std::string& path, const std::string& what);

}  // namespace vp
