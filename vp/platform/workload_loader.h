// Turns the [workload] and [synthetic] configuration into a network and a stimulus:
// imported from the user's files (SDK export or RTL testbench) or generated.
#pragma once

#include <string>

#include "vp/config/config.h"
#include "vp/workload/workload.h"

namespace vp {

struct LoadedWorkload {
    Network network;
    Stimulus stimulus;
    std::string description;   // what was loaded, for the summary
    std::string gold_source;   // "files", "reference model" or "none"
};

// Throws WorkloadError or ConfigError with the file, key and what was expected.
LoadedWorkload load_workload(const Config& config);

}  // namespace vp
