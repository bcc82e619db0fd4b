// Plots a sweep's CSV with gnuplot (Debian's gnuplot-nox): y against x, one line per
// value of an optional series column. Writes the gnuplot script beside the image so it
// can be edited and re-run.
#pragma once

#include <string>
#include <vector>

namespace vp {

struct PlotSpec {
    std::string x, y, series;   // CSV column names (series optional)
    std::string output;         // FILE.png or FILE.svg
    std::string title;
    bool log_x = false, log_y = false;  // logarithmic axes (logx: base 2, for PE counts)
};

// Parses "x=KEY,y=KEY[,series=KEY][,title=TEXT][,logx][,logy]" and checks the image is
// a .png or .svg; throws ConfigError.
PlotSpec parse_plot_spec(const std::string& text, const std::string& output);
// Before any run: the plot's columns are among the CSV's and the image and its script
// can be written; throws ConfigError naming what is wrong.
void check_plot_columns(const PlotSpec& plot, const std::vector<std::string>& columns);
// Writes OUTPUT.gp and runs gnuplot on it; returns gnuplot's exit status (or -1 when
// gnuplot is not installed: the script is still written).
int plot_sweep_csv(const std::string& csv_path, const PlotSpec& plot);

}  // namespace vp
