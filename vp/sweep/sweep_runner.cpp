#include "vp/sweep/sweep_runner.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "vp/common/output_path.h"

namespace vp {
namespace {

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string shell_command(const SweepRun& run) {
    // The old result and status go first, so a run that never gets this far shows as
    // missing rather than with a previous sweep's figures.
    std::string cmd = "rm -f " + shell_quote(run.json) + " " + shell_quote(run.status) + ";";
    for (const auto& a : run.argv) cmd += " " + shell_quote(a);
    return cmd + " > " + shell_quote(run.log) + " 2>&1; echo $? > " + shell_quote(run.status);
}

// Starts `run` with its output in its log; returns the child's pid.
pid_t spawn(const SweepRun& run) {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    const int fd = open(run.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
        close(fd);
    }
    std::vector<char*> argv;
    for (const auto& a : run.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::perror(argv[0]);
    _exit(127);
}

void write_status(const SweepRun& run, int status) {
    std::ofstream out(run.status);
    out << status << '\n';
    out.close();
    if (!out) std::fprintf(stderr, "\nvp-sweep: cannot write '%s': run %u is reported missing\n",
                           run.status.c_str(), run.index);
}

std::string format_duration(double s) {
    char buf[32];
    const long t = static_cast<long>(s + 0.5);
    std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    return buf;
}

}  // namespace

void clear_run_files(const SweepRun& run) {
    std::error_code ec;
    for (const auto* file : {&run.json, &run.status, &run.log}) std::filesystem::remove(*file, ec);
}

std::vector<SweepRun> plan_sweep(const SweepSpec& spec, const std::string& vp_binary,
                                 const std::string& out_dir) {
    const std::vector<std::string> keys = spec.keys();
    std::vector<SweepRun> runs;
    unsigned index = 0;
    for (const auto& values : spec.combinations()) {
        SweepRun r;
        r.index = index++;
        r.values = values;
        const std::string base = out_dir + "/run_" + std::to_string(r.index);
        r.json = base + ".json";
        r.log = base + ".log";
        r.status = base + ".status";
        r.argv = {vp_binary, "-q", "--platform", spec.platform};
        if (!spec.scenario.empty()) r.argv.insert(r.argv.end(), {"--scenario", spec.scenario});
        for (const auto& s : spec.fixed_sets) r.argv.insert(r.argv.end(), {"--set", s});
        for (std::size_t k = 0; k < keys.size(); ++k)
            r.argv.insert(r.argv.end(), {"--set", keys[k] + "=" + values[k]});
        r.argv.insert(r.argv.end(), {"--stats-json", r.json});
        runs.push_back(std::move(r));
    }
    return runs;
}

unsigned run_sweep_locally(const std::vector<SweepRun>& runs, unsigned jobs) {
    const auto start = std::chrono::steady_clock::now();
    std::map<pid_t, const SweepRun*> running;
    std::size_t next = 0, done = 0;
    unsigned failed = 0;
    auto progress = [&] {
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double left = done ? elapsed / done * (runs.size() - done) : 0;
        std::fprintf(stderr, "\r[sweep] %zu/%zu runs done, %s elapsed, ~%s left ", done, runs.size(),
                     format_duration(elapsed).c_str(), format_duration(left).c_str());
        std::fflush(stderr);
    };
    progress();
    while (done < runs.size()) {
        while (running.size() < jobs && next < runs.size()) {
            const SweepRun& r = runs[next++];
            clear_run_files(r);
            const pid_t pid = spawn(r);
            if (pid > 0) {
                running[pid] = &r;
                continue;
            }
            std::perror("vp-sweep: fork");  // this run fails; the others go on
            write_status(r, 127);
            ++failed;
            ++done;
        }
        int status = 0;
        if (running.empty()) continue;
        const pid_t pid = wait(&status);
        if (pid < 0) break;
        const auto it = running.find(pid);
        if (it == running.end()) continue;
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        write_status(*it->second, code);
        failed += code != 0;
        running.erase(it);
        ++done;
        progress();
    }
    std::fprintf(stderr, "\n");
    return failed;
}

void write_job_list(const std::vector<SweepRun>& runs, const std::string& path) {
    std::ofstream out(path);
    if (!out) throw std::runtime_error("cannot write the job list '" + path + "'");
    for (const auto& r : runs) out << shell_command(r) << '\n';
    finish_output(out, path, "the job list");
}

void write_slurm_script(const std::vector<SweepRun>& runs, const std::string& job_list,
                        const std::string& path) {
    std::ofstream out(path);
    if (!out) throw std::runtime_error("cannot write the Slurm script '" + path + "'");
    out << "#!/bin/bash\n"
        << "#SBATCH --job-name=vp-sweep\n"
        << "#SBATCH --array=0-" << (runs.empty() ? 0 : runs.size() - 1) << "\n"
        << "#SBATCH --cpus-per-task=1\n"
        << "# Each array task runs one line of the job list; afterwards merge with\n"
        << "# vp-sweep SWEEP_FILE --collect OUT_DIR --csv FILE.\n"
        << "sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" " << shell_quote(job_list) << " | bash\n";
    finish_output(out, path, "the Slurm script");
}

}  // namespace vp
