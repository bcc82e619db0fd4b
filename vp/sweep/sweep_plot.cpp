#include "vp/sweep/sweep_plot.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "vp/config/config.h"

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
    std::string line;
    if (!std::getline(in, line)) throw ConfigError(csv_path + ": empty CSV");
    const auto header = split(line, ',');
    std::size_t index = header.size();
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == column) index = i;
    if (index == header.size()) throw ConfigError(csv_path + ": no column '" + column + "'");
    std::vector<std::string> values;
    std::set<std::string> seen;
    while (std::getline(in, line)) {
        const auto cells = split(line, ',');
        if (index < cells.size() && seen.insert(cells[index]).second) values.push_back(cells[index]);
    }
    return values;
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
    return p;
}

int plot_sweep_csv(const std::string& csv_path, const PlotSpec& p) {
    const bool svg = p.output.size() > 4 && p.output.compare(p.output.size() - 4, 4, ".svg") == 0;
    const std::string script = p.output + ".gp";
    // Validate the columns (throws for an unknown one).
    column_values(csv_path, p.x);
    column_values(csv_path, p.y);
    std::ofstream gp(script);
    gp << "set terminal " << (svg ? "svg size 900,600" : "pngcairo size 900,600") << "\n"
       << "set output '" << p.output << "'\n"
       << "set datafile separator ','\n"
       << "set title '" << (p.title.empty() ? p.y + " vs " + p.x : p.title) << "' noenhanced\n"
       << "set xlabel '" << p.x << "' noenhanced\nset ylabel '" << p.y << "' noenhanced\n"
       << "set grid\nset key top right noenhanced\n";
    if (p.log_x) gp << "set logscale x 2\n";
    if (p.log_y) gp << "set logscale y\n";
    if (p.series.empty()) {
        gp << "plot '" << csv_path << "' using (column('" << p.x << "')):(column('" << p.y
           << "')) with linespoints title '" << p.y << "'\n";
    } else {
        gp << "plot";
        const auto values = column_values(csv_path, p.series);
        for (std::size_t i = 0; i < values.size(); ++i)
            gp << (i ? ", \\\n    " : " ") << "'" << csv_path << "' using (column('" << p.x
               << "')):(strcol('" << p.series << "') eq '" << values[i] << "' ? column('" << p.y
               << "') : NaN) with linespoints title '" << p.series << "=" << series_label(values[i]) << "'";
        gp << "\n";
    }
    gp.close();
    if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) return -1;
    return std::system(("gnuplot '" + script + "'").c_str());
}

}  // namespace vp
