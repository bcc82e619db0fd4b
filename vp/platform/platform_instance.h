// A platform assembled from configuration, seen by the job runner: it is built around
// a workload, runs under sc_start, and hands back what the software (or harness)
// received from the accelerator.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <systemc>

#include "vp/config/config.h"
#include "vp/workload/workload.h"

namespace vp {

class Stats;

class PlatformInstance {
public:
    virtual ~PlatformInstance() = default;
    // Called once after the simulation ended: collect results, register run statistics.
    virtual void finish(Stats& stats) { (void)stats; }
    // Why the run failed on the platform's side (a software fault, a non-zero program
    // status), or "" when it did not.
    virtual std::string failure() const { return ""; }
    // The last layer's outputs received so far, [t * H_L + i], raw Q8.8.
    virtual const std::vector<int16_t>& rnn_outputs() const = 0;
    virtual unsigned steps_completed() const = 0;
    // Simulated time at which the last output arrived.
    virtual sc_core::sc_time last_output_time() const = 0;
    // Accelerator cycles per step as the accelerator measured them (for summaries).
    virtual double accelerator_clock_hz() const = 0;
};

// Builds the platform named by platform.kind (throws ConfigError for an unknown kind).
std::unique_ptr<PlatformInstance> build_platform(const Config& config, const Network& network,
                                                 const Stimulus& stimulus, Stats& stats);

}  // namespace vp
