// Plots a sweep's CSV with gnuplot (Debian's gnuplot-nox): y against x, one line per
// value of an optional series column. Writes the gnuplot script beside the image so it
// can be edited and re-run.
//
// Every text written into the script (title, column names, paths, series values) is one
// line of printable characters in gnuplot's single quotes, where nothing is expanded and
// a quote is doubled: a line break would end the string and start a command of the
// user's choosing, so it is refused before anything runs.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace vp {

struct PlotSpec {
    std::string x, y, series;   // CSV column names (series optional)
    std::string output;         // FILE.png or FILE.svg
    std::string title;
    bool log_x = false, log_y = false;  // logarithmic axes (logx: base 2, for PE counts)
};

// A CSV column whose values the sweep file fixes (a swept key), for checks before any run.
struct KnownColumn {
    std::vector<std::string> values;
    std::string where;  // FILE:LINE
};
using KnownColumns = std::map<std::string, KnownColumn>;

// Parses "x=KEY,y=KEY[,series=KEY][,title=TEXT][,logx][,logy]" (each part once, no
// control characters) and checks the image is a .png or .svg; throws ConfigError.
PlotSpec parse_plot_spec(const std::string& text, const std::string& output);
// Before any run: the plot's columns are among the CSV's; a swept x or y has numbers in
// one unit (gnuplot reads a cell's leading number), not all <= 0 on a log axis; the paths
// and series values are one line each; the image and its script can be written. Throws
// ConfigError naming what is wrong.
void check_plot_before_runs(const PlotSpec& plot, const std::vector<std::string>& columns,
                            const KnownColumns& known, const std::string& csv_path);
// Writes OUTPUT.gp and runs gnuplot on it; returns gnuplot's exit status (or -1 when
// gnuplot is not installed: the script is still written). Warns on stderr how many
// points a log axis leaves out (values <= 0); throws ConfigError when no point is left
// to plot (x or y never a number, or every point <= 0 on a log axis).
int plot_sweep_csv(const std::string& csv_path, const PlotSpec& plot);

}  // namespace vp
