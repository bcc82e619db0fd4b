#include "vp/platform/cli.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "vp/common/log.h"
#include "vp/platform/job_runner.h"
#include "vp/platform/schema.h"
#include "vp/platform/trace_runner.h"
#include "vp/traffic/stl_trace.h"
#include "vp/workload/workload.h"

namespace po = boost::program_options;

namespace vp {
namespace {

constexpr const char* kDefaultPlatform = "platforms/minized.cfg";

// A relative path that does not exist from the working directory is looked up in the
// source tree, so `./build/vp/vp` works from anywhere for the shipped files.
std::string locate(const std::string& path) {
    namespace fs = std::filesystem;
    if (path.empty() || fs::path(path).is_absolute() || fs::exists(path)) return path;
    const fs::path in_tree = fs::path(VP_SOURCE_DIR) / path;
    return fs::exists(in_tree) ? in_tree.string() : path;
}

void print_help(const po::options_description& options) {
    std::cout << "vp: virtual MiniZed (Zynq-7007S) with the EdgeDRNN delta-GRU accelerator\n\n"
                 "Usage: vp [options]\n"
                 "  With no options: runs the built-in synthetic network on the default platform.\n\n"
              << options << "\n"
              << "Configuration keys (platform/scenario INI files: [section] key = value;\n"
                 "command line: --set section.key=value). Default, unit, meaning:\n";
    for (const auto& [key, spec] : platform_schema().all()) {
        std::string def = spec.default_value.empty() ? "(unset)" : spec.default_value;
        std::printf("  %-32s %-12s %-10s %s\n", key.c_str(), def.c_str(),
                    spec.unit.empty() ? "" : ("[" + spec.unit + "]").c_str(), spec.description.c_str());
    }
    std::cout << "\nExit status: 0 outputs match the gold (or no gold), 1 a mismatch or an\n"
                 "incomplete run (a trace run: error responses), 2 a usage, configuration or\n"
                 "input-file error, or an output file that could not be written.\n";
}

}  // namespace

int run_cli(int argc, char* argv[]) {
    po::options_description options("Options");
    std::vector<std::string> sets;
    options.add_options()
        ("help,h", "print this help, every option and every configuration key, and exit")
        ("platform", po::value<std::string>()->default_value(kDefaultPlatform),
         "platform INI file: the SoC (models, addresses, clocks, widths, memory timing)")
        ("scenario", po::value<std::string>(), "scenario INI file: the job (workload, thresholds, steps, outputs)")
        ("set", po::value<std::vector<std::string>>(&sets)->composing(),
         "override any key: --set section.key=value (repeatable; wins over files)")
        ("network", po::value<std::string>(),
         "network: DIR/edgedrnn_params.c (SDK export, .h beside it) or edgedrnn_tb_params.txt")
        ("stimulus", po::value<std::string>(), "stimulus: DIR/edgedrnn_test.c or edgedrnn_tb_stim.txt")
        ("registers", po::value<std::string>(), "RTL testbench registers edgedrnn_tb_creg.txt")
        ("gold", po::value<std::string>(), "RTL testbench golden outputs edgedrnn_tb_gold_rnn.txt")
        ("outputs", po::value<std::string>(), "write the last layer's outputs: one line per time step, raw Q8.8")
        ("stats-json", po::value<std::string>(), "write every statistic as one JSON object")
        ("trace", po::value<std::string>(),
         "replay a memory trace (DRAMSys STL) on the PL memory path instead of a workload (trace.file)")
        ("quiet,q", "print only warnings, errors and the summary");

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(options).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::fprintf(stderr, "vp: usage error: %s (see vp --help)\n", e.what());
        return 2;
    }
    if (vm.count("help")) {
        print_help(options);
        return 0;
    }
    set_quiet(vm.count("quiet") != 0);

    try {
        Config config(platform_schema());
        // Precedence: platform file < scenario file < flags < --set.
        config.load_ini(locate(vm["platform"].as<std::string>()));
        if (vm.count("scenario")) config.load_ini(locate(vm["scenario"].as<std::string>()));
        const std::pair<const char*, const char*> flags[] = {
            {"network", "workload.network"}, {"stimulus", "workload.stimulus"},
            {"registers", "workload.registers"}, {"gold", "workload.gold"},
            {"outputs", "run.outputs"}, {"stats-json", "run.stats_json"}};
        for (const auto& [flag, key] : flags)
            if (vm.count(flag)) config.set(key, vm[flag].as<std::string>(), std::string("--") + flag);
        if (vm.count("trace")) config.set("trace.file", vm["trace"].as<std::string>(), "--trace");
        for (const auto& s : sets) config.set_assignment(s, "--set " + s);
        const std::string trace = config.get_string("trace.file");
        if (!trace.empty()) {  // a trace run: the memory path alone, no workload
            // Shipped traces are found from anywhere, as --platform files are (also in sweeps).
            config.set("trace.file", locate(trace), config.origin("trace.file"));
            return run_trace_job(config);
        }
        return run_job(config);
    } catch (const ConfigError& e) {
        std::fprintf(stderr, "vp: configuration error: %s\n", e.what());
        return 2;
    } catch (const WorkloadError& e) {
        std::fprintf(stderr, "vp: input error: %s\n", e.what());
        return 2;
    } catch (const TraceError& e) {
        std::fprintf(stderr, "vp: input error: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vp: error: %s\n", e.what());
        return 2;
    }
}

}  // namespace vp
