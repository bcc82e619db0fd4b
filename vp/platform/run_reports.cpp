#include "vp/platform/run_reports.h"

#include <fstream>

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

}  // namespace vp
