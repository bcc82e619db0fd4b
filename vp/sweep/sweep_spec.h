// A sweep: which platform and scenario, which keys to vary over which values, which
// results to collect. Read from an INI file:
//
//   [sweep]
//   platform = ../platforms/minized.cfg   ; relative to this file
//   scenario = synthetic-768.cfg          ; optional
//   set = synthetic.timesteps=50          ; optional fixed overrides, space-separated
//   metrics = edgedrnn.cycles_per_step run.latency_us.mean   ; optional, default below
//   [vary]                                ; every combination (cartesian product)
//   ddr.timing = simple dram
//   [vary_together]                       ; these change in step (equal-length lists)
//   workload.thx = 0 16 64
//   workload.thh = 0 16 64
//   ddr.tRCD = "13.125 ns" "15 ns"        ; a value with spaces in double quotes
//
// Every key and value is checked against vp's schema before anything runs; a key may be
// set or swept only once, and the platform, scenario and swept input files must exist.
// A sweep of more than kMaxSweepRuns runs is refused from the value counts alone, before
// any run is planned (each planned run holds its command line in memory).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vp {

// More runs than this is a typo or a sweep that never finishes (at a second a run, over a
// day on one core); split such a study into several sweep files.
constexpr std::uint64_t kMaxSweepRuns = 100000;

struct SweepParameter {
    std::string key;
    std::vector<std::string> values;
    std::string where;  // FILE:LINE, for messages
};

struct SweepSpec {
    std::string file;
    std::string platform;
    std::string scenario;
    std::vector<std::string> fixed_sets;    // "section.key=value"
    std::vector<std::string> metrics;
    std::string metrics_where;              // FILE:LINE of `metrics` ("" for the default)
    std::vector<SweepParameter> vary;       // cartesian product
    std::vector<SweepParameter> together;   // zipped

    // The parameter keys in column order (vary first, then together).
    std::vector<std::string> keys() const;
    // How many runs combinations() gives: the product of the [vary] list lengths times the
    // [vary_together] length; UINT64_MAX when the product does not fit in 64 bits.
    std::uint64_t run_count() const;
    // Every run: the values of keys() in order.
    std::vector<std::vector<std::string>> combinations() const;
};

// Reads and validates a sweep file; throws ConfigError naming FILE:LINE and the key.
SweepSpec read_sweep(const std::string& path);

// Metrics collected when the file names none: the figures an architect compares.
const std::vector<std::string>& default_sweep_metrics();

}  // namespace vp
