#include "vp/platform/run_reports.h"

#include <fstream>

#include <systemc>

#include "vp/stats/stats.h"
#include "vp/stats/time_series.h"

namespace vp {

void write_run_reports(const Config& config, const Stats& stats) {
    const std::string csv_path = config.get_string("run.bandwidth_csv");
    if (!csv_path.empty()) {
        std::ofstream f(csv_path);
        if (!f) throw ConfigError("run.bandwidth_csv: cannot write '" + csv_path + "'");
        TimeSeriesRegistry::of(stats).write_csv(f);
    }
    const std::string json_path = config.get_string("run.stats_json");
    if (!json_path.empty()) {
        std::ofstream f(json_path);
        if (!f) throw ConfigError("run.stats_json: cannot write '" + json_path + "'");
        f << stats.to_json().dump(2) << '\n';
    }
}

RunWallTimes simulate(std::chrono::steady_clock::time_point run_start) {
    const auto sim_start = std::chrono::steady_clock::now();
    sc_core::sc_start();
    RunWallTimes t;
    t.setup_s = std::chrono::duration<double>(sim_start - run_start).count();
    t.simulation_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - sim_start).count();
    return t;
}

void add_speed_stats(Stats& stats, const RunWallTimes& wall, double simulated_s, const std::string& setup_what,
                     const std::string& simulated_until) {
    stats.set_value("sim.wall_s", wall.simulation_s, "s", "wall-clock time of the simulation (sc_start)");
    stats.set_value("run.setup_wall_s", wall.setup_s, "s", "wall-clock time to " + setup_what);
    stats.set_value("sim.simulated_s", simulated_s, "s", "simulated time until " + simulated_until);
    stats.set_value("sim.speed", wall.simulation_s > 0 ? simulated_s / wall.simulation_s : 0.0, "s/s",
                    "simulated seconds per wall second");
}

}  // namespace vp
