#include "vp/sweep/sweep_results.h"

#include <algorithm>
#include <fstream>
#include <set>

#include "vp/sweep/sweep_csv.h"
#include "vp/common/output_path.h"

namespace vp {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// A metric's cell: numbers as JSON writes them, strings without JSON's quotes.
std::string cell(const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

std::vector<RunResult> read_run_results(const std::vector<SweepRun>& runs) {
    std::vector<RunResult> results;
    for (const auto& r : runs) {
        RunResult result;
        std::ifstream(r.status) >> result.status;
        std::ifstream json(r.json);
        bool have_stats = false;
        if (json) {
            try {
                json >> result.stats;
                have_stats = result.stats.is_object();
            } catch (const nlohmann::json::exception&) {
            }
            if (!have_stats) result.stats = nlohmann::json::object();
        }
        if (result.status.empty()) {
            result.state = RunResult::State::missing;  // statistics without a status: not finished
            result.stats = nlohmann::json::object();
        }
        else if (result.status != "0") result.state = RunResult::State::failed;
        else result.state = have_stats ? RunResult::State::ok : RunResult::State::no_stats;
        results.push_back(std::move(result));
    }
    return results;
}

std::vector<AbsentMetric> absent_metrics(const SweepSpec& spec, const std::vector<RunResult>& results) {
    std::set<std::string> known;
    for (const auto& r : results)
        for (const auto& item : r.stats.items()) known.insert(item.key());
    if (known.empty()) return {};  // no run has statistics: the failed runs say why
    std::vector<AbsentMetric> absent;
    for (const auto& m : spec.metrics) {
        if (known.count(m)) continue;
        AbsentMetric a{m, {}};
        std::vector<std::pair<std::size_t, std::string>> ranked;
        for (const auto& k : known) ranked.emplace_back(edit_distance(m, k), k);
        std::sort(ranked.begin(), ranked.end());
        for (const auto& [distance, key] : ranked)
            if (distance <= std::max<std::size_t>(3, m.size() / 5) && a.near.size() < 3) a.near.push_back(key);
        absent.push_back(std::move(a));
    }
    return absent;
}

void write_sweep_csv(const SweepSpec& spec, const std::vector<SweepRun>& runs,
                     const std::vector<RunResult>& results, const std::string& csv_path) {
    std::ofstream out(csv_path);
    if (!out) throw std::runtime_error("cannot write the CSV '" + csv_path + "'");
    out << "run";
    for (const auto& k : spec.keys()) out << ',' << csv_field(k);
    out << ",exit_status";
    for (const auto& m : spec.metrics) out << ',' << csv_field(m);
    out << '\n';
    for (std::size_t i = 0; i < runs.size(); ++i) {
        out << runs[i].index;
        for (const auto& v : runs[i].values) out << ',' << csv_field(v);
        out << ',' << csv_field(results[i].status);
        for (const auto& m : spec.metrics) {
            out << ',';
            if (results[i].stats.contains(m)) out << csv_field(cell(results[i].stats[m]));
        }
        out << '\n';
    }
    finish_output(out, csv_path, "the CSV");
}

}  // namespace vp
