#include "vp/sweep/sweep_spec.h"

#include <cstdint>
#include <filesystem>
#include <map>

#include "vp/config/config.h"
#include "vp/config/ini_reader.h"
#include "vp/platform/schema.h"
#include "vp/sweep/sweep_words.h"

namespace vp {
namespace {

namespace fs = std::filesystem;

std::string relative_to(const std::string& file, const std::string& path) {
    if (path.empty() || fs::path(path).is_absolute()) return path;
    return (fs::path(file).parent_path() / path).lexically_normal().string();
}

// Checks a parameter against the schema: the key exists and every value is valid.
void validate(const SweepParameter& p) {
    if (p.values.empty())
        throw ConfigError(p.where + ": '" + p.key + "' has no values; expected a space-separated list");
    Config scratch(platform_schema());
    for (const auto& v : p.values) scratch.set(p.key, v, p.where);
}

// An input file named in the sweep must be there before anything runs, or every run
// would fail the same way.
void check_input_file(const std::string& path, const std::string& what, const std::string& where) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
        throw ConfigError(where + ": " + what + " '" + path + "' does not exist");
    if (fs::is_directory(status))
        throw ConfigError(where + ": " + what + " '" + path + "' is a directory, expected a file");
    if (!fs::is_regular_file(status))
        throw ConfigError(where + ": " + what + " '" + path + "' is not a regular file");
}

// Keys read from files: a preset, or a path outside [run] (whose paths are outputs).
bool names_input_file(const ParamSpec& key) {
    return key.preset || (key.type == ParamType::Path && key.key.rfind("run.", 0) != 0);
}

// Refuses a sweep of more than kMaxSweepRuns runs, naming the count and each key's share.
void check_run_count(const SweepSpec& spec) {
    const std::uint64_t count = spec.run_count();
    if (count <= kMaxSweepRuns) return;
    std::string factors;
    for (const auto& p : spec.vary)
        factors += (factors.empty() ? "" : " x ") + p.key + " (" + std::to_string(p.values.size()) + " values)";
    if (!spec.together.empty()) {
        std::string keys;
        for (const auto& p : spec.together) keys += (keys.empty() ? "" : ", ") + p.key;
        factors += (factors.empty() ? "" : " x ") + std::string("[vary_together] ") + keys + " (" +
                   std::to_string(spec.together.front().values.size()) + " values)";
    }
    const std::string runs = count == UINT64_MAX ? "more than " + std::to_string(UINT64_MAX) : std::to_string(count);
    throw ConfigError(spec.file + ": " + runs + " runs: " + factors + "; a sweep may have at most " +
                      std::to_string(kMaxSweepRuns) + " runs (use fewer values, or split it into several sweep files)");
}

}  // namespace

const std::vector<std::string>& default_sweep_metrics() {
    static const std::vector<std::string> metrics{
        "edgedrnn.timesteps",  "edgedrnn.sparsity",   "edgedrnn.cycles_per_step",
        "edgedrnn.weight_bytes", "run.latency_us.min", "run.latency_us.mean",
        "run.latency_us.max",  "run.mismatches_rnn",  "run.mismatches_fc"};
    return metrics;
}

std::vector<std::string> SweepSpec::keys() const {
    std::vector<std::string> k;
    for (const auto& p : vary) k.push_back(p.key);
    for (const auto& p : together) k.push_back(p.key);
    return k;
}

std::uint64_t SweepSpec::run_count() const {
    std::uint64_t count = 1;
    auto times = [&count](std::size_t n) {
        if (__builtin_mul_overflow(count, static_cast<std::uint64_t>(n), &count)) count = UINT64_MAX;
    };
    for (const auto& p : vary) times(p.values.size());
    if (!together.empty()) times(together.front().values.size());
    return count;
}

std::vector<std::vector<std::string>> SweepSpec::combinations() const {
    // Odometer over the [vary] lists, the last key fastest; [vary_together] lists as one
    // more digit whose values come in step.
    std::vector<std::size_t> sizes;
    for (const auto& p : vary) sizes.push_back(p.values.size());
    if (!together.empty()) sizes.push_back(together.front().values.size());
    std::vector<std::vector<std::string>> runs;
    std::vector<std::size_t> digit(sizes.size(), 0);
    for (;;) {
        std::vector<std::string> run;
        for (std::size_t i = 0; i < vary.size(); ++i) run.push_back(vary[i].values[digit[i]]);
        for (const auto& p : together) run.push_back(p.values[digit.back()]);
        runs.push_back(std::move(run));
        std::size_t i = sizes.size();
        while (i > 0 && ++digit[i - 1] == sizes[i - 1]) digit[--i] = 0;
        if (i == 0) break;
    }
    return runs;
}

SweepSpec read_sweep(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw ConfigError(path + ": is a directory, expected a sweep file");
    SweepSpec spec;
    spec.file = path;
    spec.metrics = default_sweep_metrics();
    std::map<std::string, std::string> given;      // [sweep] platform/scenario/metrics -> FILE:LINE
    std::map<std::string, std::string> key_where;  // a set or swept key -> FILE:LINE
    std::string platform_where, scenario_where;
    // A key set twice (in `set`, [vary] or [vary_together]) would leave it to argument
    // order which value a run gets, and the CSV would show a value the run did not use.
    auto claim_key = [&](const std::string& key, const std::string& where) {
        const auto [it, fresh] = key_where.emplace(key, where);
        if (!fresh)
            throw ConfigError(where + ": '" + key + "' is already given at " + it->second +
                              "; a key may be set or swept once per sweep");
    };
    read_ini(path, [&](const IniLine& e) {
        if (e.is_section) return;
        if (e.section.empty()) throw ConfigError(e.where + ": key '" + e.key + "' before any [section] header");
        if (e.section == "sweep") {
            if (e.key != "set") {
                const auto [it, fresh] = given.emplace(e.key, e.where);
                if (!fresh && (e.key == "platform" || e.key == "scenario" || e.key == "metrics"))
                    throw ConfigError(e.where + ": '" + e.key + "' is already given at " + it->second);
            }
            if (e.key == "platform") {
                spec.platform = relative_to(path, e.value);
                platform_where = e.where;
            } else if (e.key == "scenario") {
                spec.scenario = relative_to(path, e.value);
                scenario_where = e.where;
            } else if (e.key == "set") {
                for (const auto& s : split_sweep_words(e.value, e.where)) {
                    Config scratch(platform_schema());
                    scratch.set_assignment(s, e.where);
                    claim_key(trim(s.substr(0, s.find('='))), e.where);
                    spec.fixed_sets.push_back(s);
                }
            } else if (e.key == "metrics") {
                spec.metrics = split_sweep_words(e.value, e.where);
                spec.metrics_where = e.where;
            } else {
                throw ConfigError(e.where + ": unknown key '" + e.key +
                                  "' in [sweep] (expected platform, scenario, set, metrics)");
            }
        } else if (e.section == "vary" || e.section == "vary_together") {
            SweepParameter p{e.key, split_sweep_words(e.value, e.where), e.where};
            // File values (a DDR preset, a network) are relative to the sweep file, as in
            // any configuration file, so the sweep runs from any folder.
            const ParamSpec* key = platform_schema().find(e.key);
            if (key && (key->type == ParamType::Path || key->preset))
                for (auto& v : p.values) v = relative_to(path, v);
            validate(p);
            claim_key(p.key, p.where);
            if (names_input_file(*key))
                for (const auto& v : p.values)
                    if (!v.empty()) check_input_file(v, p.key, p.where);
            (e.section == "vary" ? spec.vary : spec.together).push_back(std::move(p));
        } else {
            throw ConfigError(e.where + ": unknown section [" + e.section +
                              "] (expected [sweep], [vary], [vary_together])");
        }
    });
    if (spec.platform.empty()) throw ConfigError(path + ": [sweep] platform is missing");
    check_input_file(spec.platform, "platform", platform_where);
    if (!spec.scenario.empty()) check_input_file(spec.scenario, "scenario", scenario_where);
    if (spec.vary.empty() && spec.together.empty())
        throw ConfigError(path + ": nothing to sweep: add keys to [vary] or [vary_together]");
    for (const auto& p : spec.together)
        if (p.values.size() != spec.together.front().values.size())
            throw ConfigError(p.where + ": '" + p.key + "' has " + std::to_string(p.values.size()) +
                              " values; every [vary_together] list needs " +
                              std::to_string(spec.together.front().values.size()));
    check_run_count(spec);
    return spec;
}

}  // namespace vp
