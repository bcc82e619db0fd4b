// Runs one trace job (trace.file set): replays the trace on the MiniZed's PL memory path
// (trace_platform.h) without a workload, then reports like run_job: stats JSON
// (run.stats_json), bandwidth CSV (run.bandwidth_csv) and a human summary (bandwidth,
// latency percentiles, the DDR's row-hit rate and data-bus utilisation).
#pragma once

#include <nlohmann/json.hpp>

#include "vp/config/config.h"

namespace vp {

// Exit status: 0 every transaction answered OKAY, 1 error responses or an unfinished run.
// Throws ConfigError (bad keys, platform.kind other than minized) and TraceError (the
// trace file). SystemC elaborates once per process: call this at most once.
int run_trace_job(const Config& config, nlohmann::json* stats_out = nullptr);

}  // namespace vp
