#include "vp/sweep/sweep_plot.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "vp/config/config.h"
#include "vp/sweep/sweep_csv.h"
#include "vp/common/output_path.h"

namespace vp {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep)) parts.push_back(part);
    return parts;
}

// Distinct values of one CSV column, in first-seen order.
std::vector<std::string> column_values(const std::string& csv_path, const std::string& column) {
    std::ifstream in(csv_path);
    std::vector<std::string> header, cells;
    if (!read_csv_record(in, header)) throw ConfigError(csv_path + ": empty CSV");
    std::size_t index = header.size();
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == column) index = i;
    if (index == header.size()) throw ConfigError(csv_path + ": no column '" + column + "'");
    std::vector<std::string> values;
    std::set<std::string> seen;
    while (read_csv_record(in, cells))
        if (index < cells.size() && seen.insert(cells[index]).second) values.push_back(cells[index]);
    return values;
}

// A string in gnuplot's single quotes, where a quote is written twice.
std::string gp_quote(const std::string& text) {
    std::string q = "'";
    for (const char c : text) q += c == '\'' ? std::string("''") : std::string(1, c);
    return q + "'";
}

bool ends_with(const std::string& text, const std::string& tail) {
    if (text.size() < tail.size()) return false;
    for (std::size_t i = 0; i < tail.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[text.size() - tail.size() + i])) != tail[i]) return false;
    return true;
}

// A series value as a legend shows it: a file (a DDR preset) by its name without folder
// and extension, anything else as it is.
std::string series_label(const std::string& value) {
    if (value.find('/') == std::string::npos) return value;
    return std::filesystem::path(value).stem().string();
}

}  // namespace

PlotSpec parse_plot_spec(const std::string& text, const std::string& output) {
    PlotSpec p;
    p.output = output;
    for (const auto& item : split(text, ',')) {
        const auto eq = item.find('=');
        const std::string k = item.substr(0, eq), v = eq == std::string::npos ? "" : item.substr(eq + 1);
        if (k == "x") p.x = v;
        else if (k == "y") p.y = v;
        else if (k == "series") p.series = v;
        else if (k == "title") p.title = v;
        else if (k == "logx" && eq == std::string::npos) p.log_x = true;
        else if (k == "logy" && eq == std::string::npos) p.log_y = true;
        else throw ConfigError("--plot: unknown part '" + item +
                               "', expected x=KEY,y=KEY[,series=KEY][,title=TEXT][,logx][,logy]");
    }
    if (p.x.empty() || p.y.empty()) throw ConfigError("--plot needs x=KEY and y=KEY");
    if (!ends_with(output, ".png") && !ends_with(output, ".svg"))
        throw ConfigError("--plot-file '" + output + "': expected a .png or .svg file name");
    return p;
}

void check_plot_columns(const PlotSpec& p, const std::vector<std::string>& columns) {
    const std::pair<const char*, const std::string*> parts[] = {{"x", &p.x}, {"y", &p.y}, {"series", &p.series}};
    for (const auto& [part, column] : parts) {
        if (column->empty() || std::find(columns.begin(), columns.end(), *column) != columns.end()) continue;
        std::string list;
        for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
        throw ConfigError("--plot: " + std::string(part) + "=" + *column +
                          " is not a column of the sweep's CSV (its columns: " + list + ")");
    }
    check_output_path(p.output, "--plot-file");
    check_output_path(p.output + ".gp", "the plot script");
}

int plot_sweep_csv(const std::string& csv_path, const PlotSpec& p) {
    const bool svg = ends_with(p.output, ".svg");
    const std::string script = p.output + ".gp";
    // Validate the columns (throws for an unknown one).
    column_values(csv_path, p.x);
    column_values(csv_path, p.y);
    std::ofstream gp(script);
    gp << "set terminal " << (svg ? "svg size 900,600" : "pngcairo size 900,600") << "\n"
       << "set output " << gp_quote(p.output) << "\n"
       << "set datafile separator ','\n"
       << "set title " << gp_quote(p.title.empty() ? p.y + " vs " + p.x : p.title) << " noenhanced\n"
       << "set xlabel " << gp_quote(p.x) << " noenhanced\nset ylabel " << gp_quote(p.y) << " noenhanced\n"
       << "set grid\nset key top right noenhanced\n";
    if (p.log_x) gp << "set logscale x 2\n";
    if (p.log_y) gp << "set logscale y\n";
    if (p.series.empty()) {
        gp << "plot " << gp_quote(csv_path) << " using (column(" << gp_quote(p.x) << ")):(column("
           << gp_quote(p.y) << ")) with linespoints title " << gp_quote(p.y) << "\n";
    } else {
        gp << "plot";
        const auto values = column_values(csv_path, p.series);
        for (std::size_t i = 0; i < values.size(); ++i)
            gp << (i ? ", \\\n    " : " ") << gp_quote(csv_path) << " using (column(" << gp_quote(p.x)
               << ")):(strcol(" << gp_quote(p.series) << ") eq " << gp_quote(values[i]) << " ? column("
               << gp_quote(p.y) << ") : NaN) with linespoints title "
               << gp_quote(p.series + "=" + series_label(values[i]));
        gp << "\n";
    }
    finish_output(gp, script, "the plot script");
    if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) return -1;
    std::string quoted = "'";  // for the shell, where a quote is '\''
    for (const char c : script) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return std::system(("gnuplot " + quoted + "'").c_str());
}

}  // namespace vp
