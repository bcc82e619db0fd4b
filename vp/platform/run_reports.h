// What every kind of run (a workload job, a trace) reports the same way: its timing
// statistics, the bandwidth time series (run.bandwidth_csv) and the statistics file
// (run.stats_json).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "vp/config/config.h"
#include "vp/interconnect/axi_interconnect.h"

namespace vp {

class Stats;

// Checks before the run that run.bandwidth_csv and run.stats_json can be written
// (output_files.h); throws ConfigError naming the key and the path.
void check_run_report_paths(const Config& config);

// Writes both files (those set); returns the writes that failed, each naming its key and
// file. One failure does not stop the other file from being written.
std::vector<std::string> write_run_reports(const Config& config, const Stats& stats);

// An interconnect's parameters (`name`), without its bandwidth time series when the run
// writes no bandwidth CSV (run.bandwidth_csv): only the CSV reads them, and keeping them
// costs every transaction two window updates.
InterconnectParams interconnect_params_for_run(const Config& config, const std::string& name);

// Wall-clock time of a run: set-up (from the run's start to sc_start) and the simulation.
struct RunWallTimes {
    double setup_s = 0, simulation_s = 0;
    double simulation_cpu_s = 0;  // process CPU time during sc_start
};
// Runs the simulation to its end (sc_start) and times it against `run_start`.
RunWallTimes simulate(std::chrono::steady_clock::time_point run_start);

// sim.wall_s, run.setup_wall_s ("wall-clock time to " + setup_what), sim.simulated_s
// ("simulated time until " + simulated_until) and sim.speed: the same keys for every run.
void add_speed_stats(Stats& stats, const RunWallTimes& wall, double simulated_s, const std::string& setup_what,
                     const std::string& simulated_until);

}  // namespace vp
