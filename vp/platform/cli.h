// The vp command line: options, configuration files and the job run.
#pragma once

namespace vp {

// Returns the process exit status: 0 success, 1 outputs differ from the gold (or the run
// did not complete), 2 usage or configuration error.
int run_cli(int argc, char* argv[]);

}  // namespace vp
