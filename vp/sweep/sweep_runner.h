// Runs a sweep's combinations as separate vp processes, here (in parallel) or as a job
// list for GNU parallel (across hosts with --sshloginfile) or a Slurm array, and merges
// the results into one CSV. Every path writes the same files into the output folder
// (run_N.json, run_N.log, run_N.status), so the CSV is the same whoever ran the jobs.
#pragma once

#include <string>
#include <vector>

#include "vp/sweep/sweep_spec.h"

namespace vp {

struct SweepRun {
    unsigned index = 0;
    std::vector<std::string> values;   // of SweepSpec::keys()
    std::vector<std::string> argv;     // the vp command
    std::string json, log, status;     // result files
};

std::vector<SweepRun> plan_sweep(const SweepSpec& spec, const std::string& vp_binary,
                                 const std::string& out_dir);

// Removes a run's result, status and log files, so that its CSV row can only ever show
// what this run produced (not a previous sweep's statistics in the same folder).
void clear_run_files(const SweepRun& run);

// Runs every planned run (clearing its old files first) with at most `jobs` processes at once, printing a progress line
// (runs done / total and time left) to stderr. Returns the number of runs that failed.
unsigned run_sweep_locally(const std::vector<SweepRun>& runs, unsigned jobs);

// One shell command per line: `parallel < FILE` (or --sshloginfile) runs them. Each
// line removes its run's old files first. Throws std::runtime_error on a write error.
void write_job_list(const std::vector<SweepRun>& runs, const std::string& path);
// An sbatch array script running line SLURM_ARRAY_TASK_ID + 1 of the job list.
void write_slurm_script(const std::vector<SweepRun>& runs, const std::string& job_list,
                        const std::string& path);

}  // namespace vp
