#include "vp/platform/trace_runner.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "vp/common/log.h"
#include "vp/platform/output_files.h"
#include "vp/platform/run_reports.h"
#include "vp/platform/trace_platform.h"
#include "vp/stats/stats.h"

namespace vp {
namespace {

// "ddr3l-1066-x16 (dram)", "simple: 50 ns + 2.133 GB/s", "ideal".
std::string ddr_description(const Config& c) {
    const std::string timing = c.get_string("ddr.timing");
    if (timing == "dram") {
        const std::string preset = c.get_string("ddr.preset");
        return (preset.empty() ? std::string("custom part") : std::filesystem::path(preset).stem().string()) +
               " (ddr.timing = dram)";
    }
    if (timing == "simple") {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%.0f ns + bytes / %.3f GB/s (ddr.timing = simple)",
                      c.get_double("ddr.latency_ns"), c.get_double("ddr.bandwidth_bytes_per_s") * 1e-9);
        return buf;
    }
    return "no delay (ddr.timing = ideal)";
}

void print_summary(const Config& config, const Stats& s, const TracePlayer& player, double wall_s,
                   double setup_wall_s) {
    const StlTrace& trace = player.trace();
    std::printf("\n== vp trace summary: %s on %s ==\n", std::filesystem::path(trace.name).filename().c_str(),
                config.get_string("platform.name").c_str());
    std::printf("memory            DDR %s, reached through hp.trace -> hp0\n", ddr_description(config).c_str());
    std::printf("transactions      %.0f (%.0f reads, %.0f writes), %.0f bytes, %.0f errors%s\n",
                s.value("trace.transactions"), s.value("trace.reads"), s.value("trace.writes"),
                s.value("trace.bytes"), s.value("trace.errors"),
                trace.relative ? "; relative time stamps (.rstl)" : "");
    std::printf("bandwidth         %.3f GB/s over %.3f us (first issue to last answer; HP0 port peak %.3f GB/s",
                s.value("trace.bandwidth_bytes_per_s") * 1e-9, s.value("trace.active_window_s") * 1e6,
                config.get_uint("hp0.width_bytes") * static_cast<double>(config.get_uint("hp0.clock_hz")) * 1e-9);
    if (s.has("ddr.peak_bandwidth_bytes_per_s"))
        std::printf(", DDR peak %.3f GB/s", s.value("ddr.peak_bandwidth_bytes_per_s") * 1e-9);
    std::printf(")\n");
    std::printf("latency           min %.1f, mean %.1f, p50 %.1f, p99 %.1f, max %.1f ns (issue to last data, "
                "%u in flight at most)\n",
                s.value("trace.latency_ns.min"), s.value("trace.latency_ns.mean"), s.value("trace.latency_ns.p50"),
                s.value("trace.latency_ns.p99"), s.value("trace.latency_ns.max"),
                static_cast<unsigned>(config.get_uint("trace.max_outstanding")));
    if (s.value("trace.timed_transactions") > 0)
        std::printf("issue lag         mean %.1f, max %.1f ns behind the trace's time stamps\n",
                    s.value("trace.issue_lag_ns.mean"), s.value("trace.issue_lag_ns.max"));
    else
        std::printf("issue lag         none measured: every time stamp is 0 (as fast as accepted)\n");
    if (s.has("ddr.row_hit_rate")) {
        // Per burst (CAS), as the DRAM counts; a transaction of several bursts opens at
        // most one row per bank, so row opens per transaction shows the locality too.
        const double opens = s.value("ddr.row_misses") + s.value("ddr.row_conflicts");
        std::printf("DDR               row-hit rate %.1f %% of %.0f bursts (%.0f misses, %.0f conflicts: "
                    "%.2f row opens per transaction), data-bus utilisation %.1f %%, %.0f refreshes\n",
                    100.0 * s.value("ddr.row_hit_rate"), s.value("ddr.read_bursts") + s.value("ddr.write_bursts"),
                    s.value("ddr.row_misses"), s.value("ddr.row_conflicts"),
                    s.value("trace.transactions") > 0 ? opens / s.value("trace.transactions") : 0.0,
                    100.0 * s.value("ddr.data_bus_utilisation"), s.value("ddr.refreshes"));
    } else {
        std::printf("DDR               no rows or banks at ddr.timing = %s (row-hit rate: use dram)\n",
                    config.get_string("ddr.timing").c_str());
    }
    const double simulated_s = s.value("sim.simulated_s");
    std::printf("simulation        %.3f s wall, %.3f us simulated (%.3f simulated s per wall s), %.1f ns wall per "
                "transaction (+%.3f s setup)\n",
                wall_s, simulated_s * 1e6, wall_s > 0 ? simulated_s / wall_s : 0.0,
                trace.records.empty() ? 0.0 : wall_s / static_cast<double>(trace.records.size()) * 1e9,
                setup_wall_s);
    if (warning_count()) std::printf("warnings          %u (see above)\n", warning_count());
    std::fflush(stdout);
}

// Keys for the workload's platform that a trace run does not use (the trace player is
// the only master): warned about, as workload.network is, since a scenario may set them.
void warn_unused_in_trace_run(const Config& c) {
    auto warn = [&](const std::string& key, const std::string& what) {
        log_warning("vp", "trace.file is set: " + c.named(key) + " " + what);
    };
    if (c.get_bool("traffic.enable"))
        warn("traffic.enable", "is ignored (the trace player is the only master; no traffic generator is built)");
    if (c.get_string("cpu.model") != "native" || !c.get_string("cpu.elf").empty())
        warn(c.get_string("cpu.elf").empty() ? "cpu.model" : "cpu.elf", "is ignored (a trace run has no CPU)");
    if (c.get_bool("run.compare_paper"))
        warn("run.compare_paper", "is ignored (a trace run has no workload to compare with the paper)");
}

}  // namespace

int run_trace_job(const Config& config, nlohmann::json* stats_out) {
    const auto wall_start = std::chrono::steady_clock::now();
    if (config.get_string("platform.kind") != "minized")
        throw ConfigError("trace.file: a trace replays on the MiniZed's PL memory path, but platform.kind = " +
                          config.get_string("platform.kind") + " (" + config.origin("platform.kind") +
                          "); expected minized (platforms/minized.cfg)");
    check_run_report_paths(config);  // before the trace is read and replayed
    if (!config.get_string("workload.network").empty())
        log_warning("vp", "trace.file is set: the workload (workload.network, ...) is not run");
    if (!config.get_string("run.outputs").empty())
        log_warning("vp", "trace.file is set: " + config.named("run.outputs") +
                              " is not written (a trace run has no workload outputs)");
    warn_unused_in_trace_run(config);
    const TracePlayerParams params = TracePlayerParams::from_config(config);
    StlTrace trace = load_stl(params.file, params.default_bytes);
    log_info("vp", "platform " + config.get_string("platform.name") + ", trace " + params.file + ", " +
                       std::to_string(trace.records.size()) + " transactions");

    sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    Stats stats;
    TracePlatform platform(config, std::move(trace), stats);
    const RunWallTimes wall = simulate(wall_start);

    const TracePlayer& player = platform.player();
    const double simulated_s = player.last_done().to_seconds();
    add_speed_stats(stats, wall, simulated_s, "read the trace and build the platform", "the trace's last answer");
    if (stats_out) *stats_out = stats.to_json();
    const std::vector<std::string> write_failures = write_run_reports(config, stats);
    print_summary(config, stats, player, wall.simulation_s, wall.setup_s);
    // A file that could not be written is a failed run (exit 2), whatever the replay.
    const int write_status = report_write_failures(write_failures) ? 2 : 0;

    if (!player.finished()) {
        std::fprintf(stderr, "vp: error: the trace player did not finish\n");
        return write_status ? write_status : 1;
    }
    if (player.errors()) {
        std::fprintf(stderr, "vp: error: %llu trace transactions were answered with an error (see warnings above)\n",
                     static_cast<unsigned long long>(player.errors()));
        return write_status ? write_status : 1;
    }
    return write_status;
}

}  // namespace vp
