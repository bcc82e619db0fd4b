// The report files every kind of run writes when asked: the bandwidth time series
// (run.bandwidth_csv) and the statistics (run.stats_json).
#pragma once

#include "vp/config/config.h"

namespace vp {

class Stats;

// Throws ConfigError naming the key when a file cannot be written.
void write_run_reports(const Config& config, const Stats& stats);

}  // namespace vp
