// vp-sweep: runs a sweep file's combinations as separate vp processes and merges their
// results into one CSV; or writes them as a job list for GNU parallel / a Slurm array
// and merges the results afterwards; and plots the CSV with gnuplot.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include <boost/program_options.hpp>

#include "vp/config/config.h"
#include "vp/sweep/sweep_plot.h"
#include "vp/sweep/sweep_runner.h"
#include "vp/sweep/sweep_spec.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

// The vp binary beside this one (both are built into the same folder).
std::string sibling_vp() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? "vp" : (self.parent_path() / "vp").string();
}

int run(int argc, char* argv[]) {
    po::options_description options("vp-sweep options");
    options.add_options()
        ("help,h", "print this help")
        ("sweep", po::value<std::string>(), "the sweep file (INI: [sweep], [vary], [vary_together])")
        ("jobs,j", po::value<unsigned>()->default_value(1), "runs at once on this machine")
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
    const std::string file = vm["sweep"].as<std::string>();
    const vp::SweepSpec spec = vp::read_sweep(file);  // validated before anything runs
    const std::string out = vm.count("out") ? vm["out"].as<std::string>()
                                            : "sweep-" + fs::path(file).stem().string();
    const std::string csv = vm.count("csv") ? vm["csv"].as<std::string>() : out + "/results.csv";
    fs::create_directories(out);
    const auto runs = vp::plan_sweep(spec, vm["vp"].as<std::string>(), fs::absolute(out).string());

    if (vm.count("jobs-file")) {
        const std::string jobs = vm["jobs-file"].as<std::string>();
        vp::write_job_list(runs, jobs);
        if (vm.count("slurm")) vp::write_slurm_script(runs, fs::absolute(jobs).string(), vm["slurm"].as<std::string>());
        std::fprintf(stderr, "vp-sweep: %zu runs written to %s; run them (e.g. parallel -j N < %s), then "
                             "vp-sweep %s --out %s --collect\n", runs.size(), jobs.c_str(), jobs.c_str(),
                     file.c_str(), out.c_str());
        return 0;
    }
    unsigned failed = 0;
    if (!vm.count("collect")) failed = vp::run_sweep_locally(runs, std::max(1u, vm["jobs"].as<unsigned>()));
    vp::write_sweep_csv(spec, runs, csv);
    std::fprintf(stderr, "vp-sweep: %zu runs, %u failed; results in %s\n", runs.size(), failed, csv.c_str());
    if (vm.count("plot")) {
        const std::string image = vm.count("plot-file") ? vm["plot-file"].as<std::string>() : out + "/plot.png";
        const int rc = vp::plot_sweep_csv(csv, vp::parse_plot_spec(vm["plot"].as<std::string>(), image));
        if (rc == -1) std::fprintf(stderr, "vp-sweep: gnuplot not found; the script is %s.gp\n", image.c_str());
        else if (rc != 0) std::fprintf(stderr, "vp-sweep: gnuplot failed on %s.gp\n", image.c_str());
    }
    return failed ? 1 : 0;
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
