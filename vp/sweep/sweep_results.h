// What each run of a sweep left in the output folder (its exit status and statistics),
// judged the same way after a local run and after --collect, and the merged CSV.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vp/sweep/sweep_runner.h"
#include "vp/sweep/sweep_spec.h"

namespace vp {

struct RunResult {
    enum class State {
        ok,        // exit status 0 and statistics
        failed,    // a non-zero exit status (its statistics, if any, are still shown)
        missing,   // no status file: not run (yet)
        no_stats,  // exit status 0 but no readable statistics JSON
    };
    State state = State::missing;
    std::string status;         // the exit status as written, "" when missing
    nlohmann::json stats = nlohmann::json::object();
};

std::vector<RunResult> read_run_results(const std::vector<SweepRun>& runs);

// Requested metrics no run's statistics contain (only when some run has statistics),
// each with near statistics keys for a "did you mean".
struct AbsentMetric {
    std::string metric;
    std::vector<std::string> near;
};
std::vector<AbsentMetric> absent_metrics(const SweepSpec& spec, const std::vector<RunResult>& results);

// One CSV row per run: index, the parameters, the exit status (empty when the run is
// missing), the metrics (empty when absent). Fields are quoted per RFC 4180. Throws
// std::runtime_error naming the file when it cannot be written completely.
void write_sweep_csv(const SweepSpec& spec, const std::vector<SweepRun>& runs,
                     const std::vector<RunResult>& results, const std::string& csv_path);

}  // namespace vp
