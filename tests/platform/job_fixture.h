// Runs one vp job in-process on a shipped platform file with key overrides, and
// returns its statistics (the --stats-json object). One job per test process.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "vp/platform/job_runner.h"
#include "vp/platform/schema.h"

namespace vp_test {

struct JobResult {
    int exit_status = -1;
    nlohmann::json stats;
};

inline JobResult run_vp_job(const std::string& platform_file,
                            const std::vector<std::pair<std::string, std::string>>& sets,
                            const std::string& scenario_file = "") {
    vp::Config config(vp::platform_schema());
    config.load_ini(std::string(VP_SOURCE_DIR) + "/platforms/" + platform_file);
    if (!scenario_file.empty()) config.load_ini(std::string(VP_SOURCE_DIR) + "/scenarios/" + scenario_file);
    for (const auto& [key, value] : sets) config.set(key, value, "test");
    JobResult r;
    r.exit_status = vp::run_job(config, &r.stats);
    return r;
}

}  // namespace vp_test
