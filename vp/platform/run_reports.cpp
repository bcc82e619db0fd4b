#include "vp/platform/run_reports.h"

#include <ctime>

#include <systemc>

#include "vp/platform/output_files.h"
#include "vp/stats/stats.h"
#include "vp/stats/time_series.h"

namespace vp {

void check_run_report_paths(const Config& config) {
    check_output_path(config, "run.bandwidth_csv");
    check_output_path(config, "run.stats_json");
}

std::vector<std::string> write_run_reports(const Config& config, const Stats& stats) {
    std::vector<std::string> failures;
    for (std::string failure :
         {write_output_file(config, "run.bandwidth_csv",
                            [&](std::ostream& f) { TimeSeriesRegistry::of(stats).write_csv(f); }),
          write_output_file(config, "run.stats_json",
                            [&](std::ostream& f) { f << stats.to_json().dump(2) << '\n'; })})
        if (!failure.empty()) failures.push_back(std::move(failure));
    return failures;
}

namespace {
// CPU time of this process (the simulation runs on one OS thread: SystemC's processes
// are coroutines), in seconds. Unlike wall time it does not grow while other programs
// hold the core, so A/B comparisons on a busy machine stay meaningful.
double process_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
}  // namespace

InterconnectParams interconnect_params_for_run(const Config& config, const std::string& name) {
    InterconnectParams p = InterconnectParams::from_config(config, name);
    if (config.get_string("run.bandwidth_csv").empty()) p.bandwidth_window_ns = 0;
    return p;
}

RunWallTimes simulate(std::chrono::steady_clock::time_point run_start) {
    const auto sim_start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_s();
    sc_core::sc_start();
    RunWallTimes t;
    t.simulation_cpu_s = process_cpu_s() - cpu_start;
    t.setup_s = std::chrono::duration<double>(sim_start - run_start).count();
    t.simulation_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - sim_start).count();
    return t;
}

void add_speed_stats(Stats& stats, const RunWallTimes& wall, double simulated_s, const std::string& setup_what,
                     const std::string& simulated_until) {
    stats.set_value("sim.wall_s", wall.simulation_s, "s", "wall-clock time of the simulation (sc_start)");
    stats.set_value("sim.cpu_s", wall.simulation_cpu_s, "s",
                    "CPU time of the simulation (sc_start): as sim.wall_s, without the time other programs held the core");
    stats.set_value("run.setup_wall_s", wall.setup_s, "s", "wall-clock time to " + setup_what);
    stats.set_value("sim.simulated_s", simulated_s, "s", "simulated time until " + simulated_until);
    stats.set_value("sim.speed", wall.simulation_s > 0 ? simulated_s / wall.simulation_s : 0.0, "s/s",
                    "simulated seconds per wall second");
}

}  // namespace vp
