// vp-sweep: runs a sweep file's combinations as separate vp processes and merges their
// results into one CSV; or writes them as a job list for GNU parallel / a Slurm array
// and merges the results afterwards; and plots the CSV with gnuplot.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "vp/config/config.h"
#include "vp/common/output_path.h"
#include "vp/sweep/sweep_plot.h"
#include "vp/sweep/sweep_results.h"
#include "vp/sweep/sweep_runner.h"
#include "vp/sweep/sweep_spec.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

constexpr unsigned kMaxJobs = 1024;  // more processes than any host has cores is a typo

// The vp binary beside this one (both are built into the same folder).
std::string sibling_vp() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? "vp" : (self.parent_path() / "vp").string();
}

// -j as a whole number from 1 to kMaxJobs; 0 when it is anything else.
unsigned parse_jobs(const std::string& text) {
    if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) return 0;
    const unsigned long n = std::stoul(text);
    return n <= kMaxJobs ? static_cast<unsigned>(n) : 0;
}

// The CSV's columns, in order, for checking --plot before anything runs.
std::vector<std::string> csv_columns(const vp::SweepSpec& spec) {
    std::vector<std::string> columns{"run"};
    for (const auto& k : spec.keys()) columns.push_back(k);
    columns.push_back("exit_status");
    columns.insert(columns.end(), spec.metrics.begin(), spec.metrics.end());
    return columns;
}

// The CSV columns whose values the sweep file fixes (the swept keys), for checking --plot.
vp::KnownColumns known_columns(const vp::SweepSpec& spec) {
    vp::KnownColumns known;
    for (const auto* list : {&spec.vary, &spec.together})
        for (const auto& p : *list) known[p.key] = {p.values, p.where};
    return known;
}

std::string describe(const vp::SweepSpec& spec, const vp::SweepRun& run) {
    std::string text = "run " + std::to_string(run.index) + " (";
    const auto keys = spec.keys();
    for (std::size_t k = 0; k < keys.size(); ++k) text += (k ? " " : "") + keys[k] + "=" + run.values[k];
    return text + ")";
}

// Names every run that did not succeed (the first few) and returns how many.
unsigned report_run_problems(const vp::SweepSpec& spec, const std::vector<vp::SweepRun>& runs,
                             const std::vector<vp::RunResult>& results, std::string& summary) {
    using State = vp::RunResult::State;
    unsigned exit_failed = 0, missing = 0, no_stats = 0, shown = 0;
    constexpr unsigned kShown = 10;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto& r = runs[i];
        std::string problem;
        switch (results[i].state) {
        case State::ok: continue;
        case State::failed:
            ++exit_failed;
            problem = "exit status " + results[i].status + ", see " + r.log;
            break;
        case State::missing:
            ++missing;
            problem = "not run: no " + r.status;
            break;
        case State::no_stats:
            ++no_stats;
            problem = "exit status 0 but no statistics in " + r.json + ", see " + r.log;
            break;
        }
        if (shown++ < kShown) std::fprintf(stderr, "vp-sweep: %s: %s\n", describe(spec, r).c_str(), problem.c_str());
    }
    const unsigned failed = exit_failed + missing + no_stats;
    if (shown > kShown) std::fprintf(stderr, "vp-sweep: ... and %u more\n", shown - kShown);
    summary = std::to_string(runs.size()) + " runs, " + std::to_string(failed) + " failed";
    if (missing || no_stats)
        summary += " (" + std::to_string(exit_failed) + " with a non-zero exit status, " + std::to_string(missing) +
                   " not run, " + std::to_string(no_stats) + " without statistics)";
    return failed;
}

// A metric in no run's statistics: an error (exit 2) when the sweep file names it, since
// it is most likely misspelt; a warning for the default metrics (a trace sweep has none
// of the accelerator's). Returns true for an error.
bool report_absent_metrics(const vp::SweepSpec& spec, const std::vector<vp::RunResult>& results) {
    bool error = false;
    for (const auto& a : vp::absent_metrics(spec, results)) {
        std::string near;
        for (const auto& k : a.near) near += (near.empty() ? "; near keys: " : ", ") + k;
        if (spec.metrics_where.empty()) {
            std::fprintf(stderr, "vp-sweep: warning: default metric '%s' is in no run's statistics (name the "
                                 "metrics with `metrics =` in [sweep])\n", a.metric.c_str());
        } else {
            std::fprintf(stderr, "vp-sweep: %s: metric '%s' is in no run's statistics%s\n",
                         spec.metrics_where.c_str(), a.metric.c_str(), near.c_str());
            error = true;
        }
    }
    return error;
}

void make_out_dir(const std::string& out, bool collect) {
    std::error_code ec;
    if (collect) {
        if (!fs::is_directory(out, ec))
            throw vp::ConfigError("--collect: the folder '" + out +
                                  "' does not exist; expected the --out folder the runs wrote into");
        return;
    }
    fs::create_directories(out, ec);
    if (ec || !fs::is_directory(out))
        throw vp::ConfigError("--out '" + out + "': cannot create the folder (" +
                              (ec ? ec.message() : std::string("a file of that name exists")) + ")");
}

int run(int argc, char* argv[]) {
    po::options_description options("vp-sweep options");
    options.add_options()
        ("help,h", "print this help")
        ("sweep", po::value<std::string>(), "the sweep file (INI: [sweep], [vary], [vary_together])")
        ("jobs,j", po::value<std::string>()->default_value("1"), "runs at once on this machine (1 to 1024)")
        ("out", po::value<std::string>(), "folder for each run's JSON, log and status (default: sweep-<name>)")
        ("csv", po::value<std::string>(), "the merged CSV (default: OUT/results.csv)")
        ("vp", po::value<std::string>()->default_value(sibling_vp()), "the vp binary to run")
        ("jobs-file", po::value<std::string>(), "write the runs as a GNU parallel job list and stop")
        ("slurm", po::value<std::string>(), "with --jobs-file: also write a Slurm array script")
        ("collect", "do not run: merge the results already in OUT into the CSV")
        ("plot", po::value<std::string>(), "plot the CSV: x=KEY,y=KEY[,series=KEY][,title=TEXT][,logx][,logy]")
        ("plot-file", po::value<std::string>(), "the plot image, .png or .svg (default: OUT/plot.png)");
    po::positional_options_description positional;
    positional.add("sweep", 1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::fprintf(stderr, "vp-sweep: usage error: %s (see vp-sweep --help)\n", e.what());
        return 2;
    }
    if (vm.count("help") || !vm.count("sweep")) {
        std::cout << "Usage: vp-sweep SWEEP_FILE [options]\n\n" << options;
        return vm.count("help") ? 0 : 2;
    }
    const unsigned jobs = parse_jobs(vm["jobs"].as<std::string>());
    if (jobs == 0) {
        std::fprintf(stderr, "vp-sweep: usage error: -j/--jobs '%s': expected the number of runs at once, "
                             "a whole number from 1 to %u\n", vm["jobs"].as<std::string>().c_str(), kMaxJobs);
        return 2;
    }
    if (vm.count("slurm") && !vm.count("jobs-file")) {
        std::fprintf(stderr, "vp-sweep: usage error: --slurm needs --jobs-file (the job list it runs)\n");
        return 2;
    }
    const std::string file = vm["sweep"].as<std::string>();
    const vp::SweepSpec spec = vp::read_sweep(file);  // validated before anything runs
    const bool collect = vm.count("collect") != 0;
    const std::string out = vm.count("out") ? vm["out"].as<std::string>()
                                            : "sweep-" + fs::path(file).stem().string();
    const std::string csv = vm.count("csv") ? vm["csv"].as<std::string>() : out + "/results.csv";
    // --plot's syntax and texts are checked before the output folder is made.
    std::optional<vp::PlotSpec> plot;
    if (vm.count("plot")) {
        const std::string image = vm.count("plot-file") ? vm["plot-file"].as<std::string>() : out + "/plot.png";
        plot = vp::parse_plot_spec(vm["plot"].as<std::string>(), image);
    }
    make_out_dir(out, collect && !vm.count("jobs-file"));
    const auto runs = vp::plan_sweep(spec, vm["vp"].as<std::string>(), fs::absolute(out).string());

    if (vm.count("jobs-file")) {
        const std::string job_list = vm["jobs-file"].as<std::string>();
        vp::check_output_path(job_list, "--jobs-file");
        if (vm.count("slurm")) vp::check_output_path(vm["slurm"].as<std::string>(), "--slurm");
        // A later --collect must not mistake a previous sweep's files for these runs'.
        for (const auto& r : runs) vp::clear_run_files(r);
        vp::write_job_list(runs, job_list);
        if (vm.count("slurm")) vp::write_slurm_script(runs, fs::absolute(job_list).string(), vm["slurm"].as<std::string>());
        std::fprintf(stderr, "vp-sweep: %zu runs written to %s; run them (e.g. parallel -j N < %s), then "
                             "vp-sweep %s --out %s --collect\n", runs.size(), job_list.c_str(), job_list.c_str(),
                     file.c_str(), out.c_str());
        return 0;
    }
    // Every output is checked before the first run, so a typo does not waste a sweep.
    vp::check_output_path(csv, "--csv");
    if (plot) vp::check_plot_before_runs(*plot, csv_columns(spec), known_columns(spec), csv);

    if (!collect) vp::run_sweep_locally(runs, jobs);
    const auto results = vp::read_run_results(runs);
    vp::write_sweep_csv(spec, runs, results, csv);
    std::string summary;
    const unsigned failed = report_run_problems(spec, runs, results, summary);
    const bool bad_metric = report_absent_metrics(spec, results);
    std::fprintf(stderr, "vp-sweep: %s; results in %s\n", summary.c_str(), csv.c_str());
    bool plot_failed = false;
    if (plot) {
        try {
            const int rc = vp::plot_sweep_csv(csv, *plot);
            if (rc == -1) std::fprintf(stderr, "vp-sweep: gnuplot not found; the script is %s.gp\n", plot->output.c_str());
            else if (rc != 0) std::fprintf(stderr, "vp-sweep: gnuplot failed on %s.gp\n", plot->output.c_str());
            plot_failed = rc != 0 && rc != -1;
        } catch (const vp::ConfigError& e) {  // found in the results: the CSV stands, the plot fails
            std::fprintf(stderr, "vp-sweep: %s\n", e.what());
            plot_failed = true;
        }
    }
    if (bad_metric) return 2;
    return failed || plot_failed ? 1 : 0;
}

}  // namespace

// Linked through the schema's models; never called (vp-sweep runs vp as processes).
extern "C" int sc_main(int, char*[]) { return 0; }

int main(int argc, char* argv[]) {
    try {
        return run(argc, argv);
    } catch (const vp::ConfigError& e) {
        std::fprintf(stderr, "vp-sweep: configuration error: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vp-sweep: error: %s\n", e.what());
        return 2;
    }
}
