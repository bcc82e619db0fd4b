#include "vp/platform/job_runner.h"

#include <chrono>
#include <cstdio>
#include <sstream>

#include "software/nn/fc_classifier.h"
#include "vp/common/log.h"
#include "vp/platform/output_files.h"
#include "vp/platform/paper_report.h"
#include "vp/platform/platform_instance.h"
#include "vp/platform/run_reports.h"
#include "vp/platform/workload_loader.h"
#include "vp/stats/stats.h"

namespace vp {
namespace {

struct Check {
    uint64_t rnn = 0;
    uint64_t fc = 0;
    bool has_rnn = false;
    bool has_fc = false;
    long first_bad_step = -1;
};

Check compare_with_gold(const Network& net, const Stimulus& stim, const std::vector<int16_t>& out,
                        unsigned steps) {
    Check c;
    const unsigned h = net.last_hidden();
    if (!stim.gold_rnn.empty()) {
        c.has_rnn = true;
        for (unsigned t = 0; t < steps; ++t)
            for (unsigned i = 0; i < h; ++i) {
                const std::size_t k = static_cast<std::size_t>(t) * h + i;
                if (out[k] != stim.gold_rnn[k]) {
                    ++c.rnn;
                    if (c.first_bad_step < 0) c.first_bad_step = t;
                }
            }
    }
    // The classifier runs on the CPU side (here: the harness) on the received vector.
    if (net.num_outputs && !stim.gold_fc.empty()) {
        c.has_fc = true;
        for (unsigned t = 0; t < steps; ++t)
            for (unsigned o = 0; o < net.num_outputs; ++o) {
                const int32_t acc = fc_classifier_raw(&out[static_cast<std::size_t>(t) * h], h,
                                                      net.cl_weight.data(), net.cl_bias.data(),
                                                      net.num_outputs, o);
                if (fc_classifier_q88(acc) != stim.gold_fc[static_cast<std::size_t>(t) * net.num_outputs + o])
                    ++c.fc;
            }
    }
    return c;
}

void write_outputs(std::ostream& f, const std::vector<int16_t>& out, unsigned h, unsigned steps) {
    std::string line;
    for (unsigned t = 0; t < steps; ++t) {
        line.clear();
        for (unsigned i = 0; i < h; ++i) {
            if (i) line += ' ';
            line += std::to_string(out[static_cast<std::size_t>(t) * h + i]);
        }
        f << line << '\n';
    }
}

}  // namespace

int run_job(const Config& config, nlohmann::json* stats_out) {
    const auto wall_start = std::chrono::steady_clock::now();
    check_output_path(config, "run.outputs");  // before anything runs: see output_files.h
    check_run_report_paths(config);
    const LoadedWorkload w = load_workload(config);
    const Network& net = w.network;
    const Stimulus& stim = w.stimulus;
    log_info("vp", "platform " + config.get_string("platform.name") + " (" +
                       config.get_string("platform.kind") + "), workload " + w.description +
                       ", " + std::to_string(stim.timesteps) + " time steps");

    // sc_stop() is how a program ends its run: not worth a message.
    sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    Stats stats;
    std::unique_ptr<PlatformInstance> platform = build_platform(config, net, stim, stats);
    const RunWallTimes wall = simulate(wall_start);

    platform->finish(stats);
    const unsigned steps = platform->steps_completed();
    const unsigned h = net.last_hidden();
    const std::vector<int16_t>& out = platform->rnn_outputs();
    const Check check = compare_with_gold(net, stim, out, steps);
    const double simulated_s = platform->last_output_time().to_seconds();

    stats.set_integer("run.timesteps_requested", stim.timesteps, "steps", "time steps in the stimulus");
    stats.set_integer("run.timesteps_completed", steps, "steps", "time steps whose output arrived");
    if (check.has_rnn)
        stats.set_integer("run.mismatches_rnn", check.rnn, "elements", "RNN outputs that differ from the gold");
    if (check.has_fc)
        stats.set_integer("run.mismatches_fc", check.fc, "elements", "classifier outputs that differ from the gold");
    add_speed_stats(stats, wall, simulated_s, "load the workload and build the platform", "the last output");

    add_efficiency_stats(stats, net, platform->accelerator_clock_hz());
    if (stats_out) *stats_out = stats.to_json();
    std::vector<std::string> write_failures = write_run_reports(config, stats);
    const std::string outputs_failure = write_output_file(
        config, "run.outputs", [&](std::ostream& f) { write_outputs(f, out, h, steps); });
    if (!outputs_failure.empty()) write_failures.push_back(outputs_failure);

    // Human summary.
    const double clock_hz = platform->accelerator_clock_hz();
    const double cps = stats.value("edgedrnn.cycles_per_step");
    std::printf("\n== vp summary: %s on %s ==\n", w.description.c_str(), config.get_string("platform.name").c_str());
    std::printf("time steps        %u of %u completed\n", steps, stim.timesteps);
    if (check.has_rnn)
        std::printf("mismatches        RNN %llu / %llu", static_cast<unsigned long long>(check.rnn),
                    static_cast<unsigned long long>(static_cast<uint64_t>(steps) * h));
    else
        std::printf("mismatches        RNN: no gold");
    if (check.has_fc)
        std::printf(", classifier %llu / %llu", static_cast<unsigned long long>(check.fc),
                    static_cast<unsigned long long>(static_cast<uint64_t>(steps) * net.num_outputs));
    std::printf("  (gold: %s)\n", w.gold_source.c_str());
    std::printf("sparsity          %.1f %% of columns skipped (%.2f columns/step fetched, bias included)\n",
                100.0 * stats.value("edgedrnn.sparsity"),
                steps ? stats.value("edgedrnn.columns") / steps : 0.0);
    std::printf("cycles/step       mean %.1f, min %.0f, max %.0f (layer-1 BIAS to last output beat)\n", cps,
                stats.value("edgedrnn.cycles_min"), stats.value("edgedrnn.cycles_max"));
    std::printf("accelerator       %.3f us/step at %.0f MHz (cycles/step / clock)\n", cps / clock_hz * 1e6,
                clock_hz / 1e6);
    if (stats.has("run.latency_us.mean"))
        std::printf("app latency/step  min %.3f, mean %.3f, max %.3f us (global timer, as the driver measures it)\n",
                    stats.value("run.latency_us.min"), stats.value("run.latency_us.mean"),
                    stats.value("run.latency_us.max"));
    std::printf("weight traffic    %.0f bytes/step\n", steps ? stats.value("edgedrnn.weight_bytes") / steps : 0.0);
    std::printf("simulation        %.3f s wall, %.6f s simulated (%.2f simulated s per wall s), %.2f us wall per step"
                " (+%.3f s setup)\n", wall.simulation_s, simulated_s, stats.value("sim.speed"),
                steps ? wall.simulation_s / steps * 1e6 : 0.0, wall.setup_s);
    if (warning_count()) std::printf("warnings          %u (see above)\n", warning_count());
    if (config.get_bool("run.compare_paper") && steps) print_paper_comparison(stats, net);

    std::fflush(stdout);  // the summary before any verdict on stderr
    // A file that could not be written is a failed run (exit 2), whatever the outputs.
    const int write_status = report_write_failures(write_failures) ? 2 : 0;
    const std::string failure = platform->failure();
    if (!failure.empty()) {
        std::fprintf(stderr, "vp: error: %s\n", failure.c_str());
        return write_status ? write_status : 1;
    }
    if (check.rnn || check.fc) {
        std::fprintf(stderr, "vp: outputs differ from the gold (first at time step %ld)\n", check.first_bad_step);
        return write_status ? write_status : 1;
    }
    if (steps < stim.timesteps) {
        std::fprintf(stderr, "vp: error: %u of %u time steps completed; the run stalled%s\n", steps,
                     stim.timesteps, warning_count() ? " (see warnings above)" : "");
        return write_status ? write_status : 1;
    }
    return write_status;
}

}  // namespace vp
