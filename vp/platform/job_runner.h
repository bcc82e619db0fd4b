// Runs one job: loads the workload, assembles the platform, simulates, checks the
// outputs against the gold, and reports (outputs file, stats JSON, human summary).
#pragma once

#include <nlohmann/json.hpp>

#include "vp/config/config.h"

namespace vp {

// Exit status: 0 all outputs match (or no gold), 1 a mismatch or an incomplete run.
// Throws ConfigError / WorkloadError for bad configuration or input files.
// SystemC elaborates once per process: call this at most once.
// stats_out (optional) receives the same object --stats-json writes.
int run_job(const Config& config, nlohmann::json* stats_out = nullptr);

}  // namespace vp
