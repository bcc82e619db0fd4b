#include "vp/sweep/sweep_plot.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "vp/config/config.h"
#include "vp/config/ini_reader.h"
#include "vp/sweep/sweep_csv.h"
#include "vp/common/output_path.h"

namespace vp {
namespace {

const char* const kPlotSyntax = "x=KEY,y=KEY[,series=KEY][,title=TEXT][,logx][,logy]";

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep)) parts.push_back(part);
    return parts;
}

bool is_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

// `text` for a message, its control characters written as \n, \r, \t or \xNN.
std::string visible(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (!is_control(c)) out += c;
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(c));
            out += hex;
        }
    }
    return out;
}

// A text bound for the gnuplot script must be one line of printable characters: a line
// break would end its quoted string there and make the rest a gnuplot command.
void check_one_line(const std::string& text, const std::string& what) {
    const auto bad = std::find_if(text.begin(), text.end(), is_control);
    if (bad == text.end()) return;
    throw ConfigError(what + " '" + visible(text) + "' holds a control character (" +
                      visible(std::string(1, *bad)) + "); expected one line of printable text");
}

// A string in gnuplot's single quotes, where a quote is written twice and nothing else is
// special (no backquote or macro expansion); refuses a line break as check_one_line does.
std::string gp_quote(const std::string& text) {
    check_one_line(text, "--plot: the plot script text");
    std::string q = "'";
    for (const char c : text) q += c == '\'' ? std::string("''") : std::string(1, c);
    return q + "'";
}

// The number gnuplot reads from a CSV cell: its leading number ("13.125 ns" is 13.125,
// "0x10" is 16, "round_robin" none); `rest` is the text after it (a unit).
bool leading_number(const std::string& cell, double& value, std::string& rest) {
    const std::size_t i = cell.find_first_not_of(" \t");
    if (i == std::string::npos) return false;
    const char c = cell[i];
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
    const char* begin = cell.c_str() + i;
    char* end = nullptr;
    value = std::strtod(begin, &end);
    if (end == begin) return false;
    rest = trim(end);
    return true;
}

// A swept x or y column: every value a number in one unit, and not every value <= 0 on a
// log axis (gnuplot leaves those points out; some is a warning after the runs).
void check_known_axis(const std::string& part, const std::string& column, const KnownColumn& known, bool log) {
    std::string first_unit, first_value;
    std::size_t positive = 0;
    for (std::size_t i = 0; i < known.values.size(); ++i) {
        const std::string& v = known.values[i];
        double number = 0;
        std::string unit;
        if (!leading_number(v, number, unit))
            throw ConfigError("--plot: " + part + "=" + column + " is not a number: " + known.where +
                              " sweeps it over '" + v + "', and gnuplot can only put numbers on an axis "
                              "(plot it as series=" + column + " instead)");
        if (i == 0) {
            first_unit = unit;
            first_value = v;
        } else if (unit != first_unit) {
            throw ConfigError("--plot: " + part + "=" + column + " mixes units ('" + first_value + "' and '" + v +
                              "' at " + known.where + "); gnuplot reads only the number, so give every value "
                              "in the same unit");
        }
        positive += number > 0;
    }
    if (log && positive == 0)
        throw ConfigError("--plot: log" + part + ": every value of " + part + "=" + column + " (" + known.where +
                          ") is <= 0, which a logarithmic axis cannot show");
}

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::size_t index(const std::string& column, const std::string& path) const {
        const auto it = std::find(header.begin(), header.end(), column);
        if (it == header.end()) throw ConfigError(path + ": no column '" + column + "'");
        return static_cast<std::size_t>(it - header.begin());
    }
};

CsvTable read_csv(const std::string& path) {
    std::ifstream in(path);
    CsvTable t;
    if (!read_csv_record(in, t.header)) throw ConfigError(path + ": empty CSV");
    for (std::vector<std::string> cells; read_csv_record(in, cells);) t.rows.push_back(cells);
    return t;
}

// Distinct values of one CSV column, in first-seen order.
std::vector<std::string> column_values(const CsvTable& t, std::size_t index) {
    std::vector<std::string> values;
    std::set<std::string> seen;
    for (const auto& row : t.rows)
        if (index < row.size() && seen.insert(row[index]).second) values.push_back(row[index]);
    return values;
}

// The points gnuplot will draw, as it reads them: a row whose x and y cells start with a
// number. Warns how many a log axis leaves out; throws when none is left.
void check_points(const CsvTable& t, const std::string& csv_path, const PlotSpec& p) {
    const std::size_t xi = t.index(p.x, csv_path), yi = t.index(p.y, csv_path);
    std::size_t numeric_x = 0, numeric_y = 0, points = 0, dropped_x = 0, dropped_y = 0, dropped = 0;
    std::string example_x, example_y;  // a non-numeric cell, for the message
    for (const auto& row : t.rows) {
        double x = 0, y = 0;
        std::string unit;
        const bool has_x = xi < row.size() && leading_number(row[xi], x, unit);
        const bool has_y = yi < row.size() && leading_number(row[yi], y, unit);
        numeric_x += has_x;
        numeric_y += has_y;
        if (!has_x && xi < row.size() && !row[xi].empty() && example_x.empty()) example_x = row[xi];
        if (!has_y && yi < row.size() && !row[yi].empty() && example_y.empty()) example_y = row[yi];
        if (!has_x || !has_y) continue;
        ++points;
        const bool out_x = p.log_x && x <= 0, out_y = p.log_y && y <= 0;
        dropped_x += out_x;
        dropped_y += out_y;
        dropped += out_x || out_y;
    }
    auto require_numbers = [&](const char* part, const std::string& column, std::size_t count,
                               const std::string& example) {
        if (count) return;
        throw ConfigError("--plot: " + std::string(part) + "=" + column + " has no number in " + csv_path +
                          (example.empty() ? std::string(" (no run gave it a value)") : " (e.g. '" + example + "')") +
                          "; nothing to plot");
    };
    require_numbers("x", p.x, numeric_x, example_x);
    require_numbers("y", p.y, numeric_y, example_y);
    if (points == 0) throw ConfigError("--plot: no row of " + csv_path + " has numbers for both x and y; nothing to plot");
    if (dropped == 0) return;
    std::string why;
    if (dropped_x) why += std::to_string(dropped_x) + " with x=" + p.x + " <= 0 (logx)";
    if (dropped_y) why += (why.empty() ? "" : ", ") + std::to_string(dropped_y) + " with y=" + p.y + " <= 0 (logy)";
    if (dropped == points)
        throw ConfigError("--plot: every one of the " + std::to_string(points) + " points is <= 0 on a logarithmic axis (" +
                          why + "); nothing to plot");
    std::fprintf(stderr, "vp-sweep: warning: --plot: %zu of %zu points are left out, a logarithmic axis cannot show "
                         "them: %s\n", dropped, points, why.c_str());
}

bool ends_with_any_case(const std::string& text, const std::string& tail) {
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
    std::set<std::string> given;
    for (const auto& item : split(text, ',')) {
        const auto eq = item.find('=');
        const std::string k = item.substr(0, eq), v = eq == std::string::npos ? "" : item.substr(eq + 1);
        check_one_line(item, "--plot: the part");
        if (k == "x") p.x = v;
        else if (k == "y") p.y = v;
        else if (k == "series") p.series = v;
        else if (k == "title") p.title = v;
        else if (k == "logx" && eq == std::string::npos) p.log_x = true;
        else if (k == "logy" && eq == std::string::npos) p.log_y = true;
        else throw ConfigError("--plot: unknown part '" + item + "', expected " + kPlotSyntax);
        // A second x= would silently replace the first: the plot would not be the one meant.
        if (!given.insert(k).second) throw ConfigError("--plot: '" + k + "' is given twice; give each part once");
    }
    if (p.x.empty() || p.y.empty()) throw ConfigError("--plot needs x=KEY and y=KEY");
    check_one_line(output, "--plot-file");
    if (!ends_with_any_case(output, ".png") && !ends_with_any_case(output, ".svg"))
        throw ConfigError("--plot-file '" + output + "': expected a .png or .svg file name");
    return p;
}

void check_plot_before_runs(const PlotSpec& p, const std::vector<std::string>& columns, const KnownColumns& known,
                            const std::string& csv_path) {
    const std::pair<const char*, const std::string*> parts[] = {{"x", &p.x}, {"y", &p.y}, {"series", &p.series}};
    for (const auto& [part, column] : parts) {
        if (column->empty() || std::find(columns.begin(), columns.end(), *column) != columns.end()) continue;
        std::string list;
        for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
        throw ConfigError("--plot: " + std::string(part) + "=" + *column +
                          " is not a column of the sweep's CSV (its columns: " + list + ")");
    }
    if (const auto it = known.find(p.x); it != known.end()) check_known_axis("x", p.x, it->second, p.log_x);
    if (const auto it = known.find(p.y); it != known.end()) check_known_axis("y", p.y, it->second, p.log_y);
    if (const auto it = known.find(p.series); it != known.end())
        for (const auto& v : it->second.values) check_one_line(v, "--plot: series=" + p.series + " value at " + it->second.where);
    check_one_line(csv_path, "--plot: the CSV path");
    check_output_path(p.output, "--plot-file");
    check_output_path(p.output + ".gp", "the plot script");
}

int plot_sweep_csv(const std::string& csv_path, const PlotSpec& p) {
    const bool svg = ends_with_any_case(p.output, ".svg");
    const std::string script = p.output + ".gp";
    const CsvTable table = read_csv(csv_path);
    check_points(table, csv_path, p);
    // The whole script is composed (and every text checked) before the file is opened.
    std::ostringstream gp;
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
        const auto values = column_values(table, table.index(p.series, csv_path));
        for (std::size_t i = 0; i < values.size(); ++i)
            gp << (i ? ", \\\n    " : " ") << gp_quote(csv_path) << " using (column(" << gp_quote(p.x)
               << ")):(strcol(" << gp_quote(p.series) << ") eq " << gp_quote(values[i]) << " ? column("
               << gp_quote(p.y) << ") : NaN) with linespoints title "
               << gp_quote(p.series + "=" + series_label(values[i]));
        gp << "\n";
    }
    std::ofstream file(script);
    file << gp.str();
    finish_output(file, script, "the plot script");
    if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) return -1;
    std::string quoted = "'";  // for the shell, where a quote is '\''
    for (const char c : script) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return std::system(("gnuplot " + quoted + "'").c_str());
}

}  // namespace vp
