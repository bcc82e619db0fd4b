// A workload as a user hands it over: the network (weight image, shape, thresholds,
// optional classifier) and the stimulus (inputs, optional golden outputs).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace vp {

struct Network {
    unsigned num_layers = 0;               // L, 1..4
    unsigned input_size = 0;               // I of layer 1 as programmed (padded to 8)
    std::vector<unsigned> hidden_sizes;    // H_l for l = 1..L
    std::vector<int8_t> weights;           // DRAM image, column-major (SPEC 3.1), Q1.7
    int thx = 0;                           // register value, Q8.8 LSBs
    int thh = 0;
    // Optional dense classifier run by the CPU on the last layer's output (SPEC 4.7).
    unsigned num_outputs = 0;              // 0 = no classifier
    std::vector<int8_t> cl_weight;         // [i * num_outputs + o], Q1.7
    std::vector<int8_t> cl_bias;           // [o], Q1.7
    std::string source;                    // where it came from, for messages

    unsigned last_hidden() const { return hidden_sizes.empty() ? 0 : hidden_sizes.back(); }
    // Number of weight columns SPEC 3.1 defines: sum over layers of (I_l + H_l + 1).
    uint64_t total_columns() const;
    // Bytes the weight image must hold: the hardware addresses layer l's columns with
    // stride 3*H_l from the base, so the end of the last layer bounds the image.
    uint64_t required_weight_bytes() const;
};

struct Stimulus {
    unsigned timesteps = 0;
    unsigned input_size = 0;               // elements per step (== Network::input_size)
    std::vector<int16_t> inputs;           // [t * input_size + i], Q8.8
    unsigned gold_width = 0;               // elements per step of gold_rnn (H_L), 0 = none
    std::vector<int16_t> gold_rnn;         // [t * gold_width + i], Q8.8
    unsigned gold_fc_width = 0;            // classifier outputs per step, 0 = none
    std::vector<int16_t> gold_fc;          // [t * gold_fc_width + o], Q8.8
    std::string source;
};

// Raised by importers and checks; the message names the file, the line and what was
// expected. The vp command turns it into exit status 2.
struct WorkloadError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Checks the network alone (layer count, sizes multiple of 8, weight image large
// enough, classifier shape): throws WorkloadError naming Network::source.
void check_network(const Network& net);
// Checks the network (check_network) and the stimulus against it (sizes, step count):
// throws WorkloadError.
void check_consistent(const Network& net, const Stimulus& stim);

}  // namespace vp
