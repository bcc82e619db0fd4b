// Efficiency figures every run reports (effective throughput as the authors' driver
// defines it, weight traffic against a dense GRU), and the side-by-side table with the
// EdgeDRNN paper (Gao et al., 2020) that scenarios/paper.cfg asks for (run.compare_paper).
#pragma once

#include "vp/workload/workload.h"

namespace vp {

class Stats;

// Registers run.latency_us_per_step (the application's mean latency, or the
// accelerator's on platforms without a CPU), run.effective_gops, run.weight_bytes_per_step,
// run.dense_weight_bytes_per_step and run.traffic_reduction.
void add_efficiency_stats(Stats& stats, const Network& net, double accelerator_clock_hz);

// Prints the paper's figures beside the platform's.
void print_paper_comparison(const Stats& stats, const Network& net);

}  // namespace vp
