#include "vp/platform/paper_report.h"

#include <cstdio>

#include "vp/stats/stats.h"

namespace vp {
namespace {

// What the paper reports for its 2-layer GRU of about 5 M parameters on the MiniZed
// (8 PEs, 125 MHz, batch 1): mean effective throughput 20.2 GOp/s, under 0.5 ms per
// time step, up to 10x less weight traffic than a dense GRU.
constexpr double kPaperGops = 20.2;

// The paper's network as this platform assumes it (its size is not published): 2 GRU
// layers of 768 neurons with 40 inputs; its weight count as the hardware lays it out.
constexpr unsigned kPaperLayers = 2, kPaperHidden = 768, kPaperInputs = 40;

uint64_t paper_network_weights() {
    Network paper;
    paper.num_layers = kPaperLayers;
    paper.input_size = kPaperInputs;
    paper.hidden_sizes.assign(kPaperLayers, kPaperHidden);
    return paper.required_weight_bytes();
}

double value_or(const Stats& s, const char* key, double fallback) {
    return s.has(key) ? s.value(key) : fallback;
}

}  // namespace

void add_efficiency_stats(Stats& stats, const Network& net, double accelerator_clock_hz) {
    const double steps = stats.value("edgedrnn.timesteps");
    if (steps <= 0) return;
    const double latency_us = stats.has("run.latency_us.mean")
                                  ? stats.value("run.latency_us.mean")
                                  : stats.value("edgedrnn.cycles_per_step") / accelerator_clock_hz * 1e6;
    const double dense = static_cast<double>(net.weights.size());
    const double fetched = stats.value("edgedrnn.weight_bytes") / steps;
    stats.set_value("run.latency_us_per_step", latency_us, "us",
                    "mean time-step latency (the application's; else the accelerator's)");
    stats.set_value("run.effective_gops", latency_us > 0 ? 2.0 * dense / (latency_us * 1e3) : 0.0, "GOp/s",
                    "2 x weight bytes / mean latency, as the authors' driver reports it");
    stats.set_value("run.weight_bytes_per_step", fetched, "bytes", "weight bytes fetched per time step");
    stats.set_value("run.dense_weight_bytes_per_step", dense, "bytes",
                    "weight bytes a dense GRU fetches per time step (every column)");
    stats.set_value("run.traffic_reduction", fetched > 0 ? dense / fetched : 0.0, "x",
                    "dense weight bytes / fetched weight bytes");
}

void print_paper_comparison(const Stats& s, const Network& net) {
    const double latency = s.value("run.latency_us_per_step");
    const double gops = s.value("run.effective_gops");
    // The latency the paper's throughput implies for this network's size.
    const double implied_us = 2.0 * static_cast<double>(net.weights.size()) / (kPaperGops * 1e3);
    std::printf("\n== EdgeDRNN paper (Gao et al., 2020) vs this platform ==\n");
    std::printf("%-36s %-30s %s\n", "", "paper", "platform");
    std::printf("%-36s %-30s %.1f us (min %.1f, max %.1f)\n", "latency per time step, mean",
                "< 500 us (about 5 M weights)", latency, value_or(s, "run.latency_us.min", latency),
                value_or(s, "run.latency_us.max", latency));
    std::printf("%-36s %-30s %.1f us\n", "  the paper's 20.2 GOp/s on this net", "", implied_us);
    std::printf("%-36s %-30s %.2f GOp/s (2 x %zu weights / mean latency)\n", "effective throughput",
                "20.2 GOp/s", gops, net.weights.size());
    std::printf("%-36s %-30s %.0f of %.0f dense bytes: %.2fx less\n", "DRAM weight bytes per step",
                "up to 10x less than dense", s.value("run.weight_bytes_per_step"),
                s.value("run.dense_weight_bytes_per_step"), s.value("run.traffic_reduction"));
    std::printf("%-36s %-30s %.1f %%\n", "columns skipped (sparsity)", "about 90 % (implied)",
                100.0 * s.value("edgedrnn.sparsity"));
    if (s.has("hp.hp0_ddr.rd.utilisation"))
        std::printf("%-36s %-30s %.1f %%\n", "HP0 read utilisation", "-",
                    100.0 * s.value("hp.hp0_ddr.rd.utilisation"));
    if (s.has("ddr.data_bus_utilisation"))
        std::printf("%-36s %-30s %.1f %%\n", "DDR data-bus utilisation", "-",
                    100.0 * s.value("ddr.data_bus_utilisation"));
    std::printf("(the paper's network size is not published: %u x %u neurons with %u inputs, %llu "
                "weights, is this platform's assumption)\n", kPaperLayers, kPaperHidden, kPaperInputs,
                static_cast<unsigned long long>(paper_network_weights()));
}

}  // namespace vp
