// Seeded synthetic workloads: a random delta-GRU network and a temporally correlated
// stimulus of any supported shape, with golden outputs from the C reference model.
// Bytes depend only on the spec (own PRNG and integer arithmetic, no std::
// distributions), so a seed names the same workload on every machine and library.
#pragma once

#include <cstdint>
#include <string>

#include "vp/workload/workload.h"

namespace vp {

struct SyntheticSpec {
    unsigned layers = 2;           // L, 1..4
    unsigned input_size = 16;      // I of layer 1 as programmed, multiple of 8, <= 1024
    unsigned active_inputs = 0;    // inputs that carry a signal, 0 = all; the rest are
                                   // zero padding with all-zero weight columns (SPEC 3.1)
    unsigned hidden_size = 64;     // H of every layer, multiple of 8, 16..1024
    unsigned timesteps = 200;
    uint64_t seed = 1;
    int thx = 0;                   // THX/THH register values (Q8.8 LSBs, 10-bit field)
    int thh = 0;
    unsigned num_outputs = 2;      // classifier outputs, 0 = no classifier
    double weight_scale = 1.0;     // 1.0 keeps most pre-activations inside the LUT ranges
    double input_amplitude = 1.0;  // inputs wander within about +-amplitude (real units)
};

// Throws WorkloadError naming the offending field when the spec is outside the limits.
void validate(const SyntheticSpec& spec);

// Weights and biases uniform in +-weight_scale * 2 / sqrt(fan_in) (real), in Q1.7.
Network make_synthetic_network(const SyntheticSpec& spec);

// Smoothed random walks per active input plus a little noise, Q8.8; gold_rnn and (with
// a classifier) gold_fc from the reference model running the network.
Stimulus make_synthetic_stimulus(const SyntheticSpec& spec, const Network& net);

// Runs the C reference model (software/reference) and the classifier over the stimulus
// and stores their outputs as the stimulus' golden outputs.
void compute_reference_gold(const Network& net, Stimulus& stim);

// One line for logs, e.g. "synthetic(L=2 I=16 H=64 T=200 seed=1 ...)".
std::string describe(const SyntheticSpec& spec);

}  // namespace vp
