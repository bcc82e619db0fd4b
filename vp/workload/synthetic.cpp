#include "vp/workload/synthetic.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "software/nn/fc_classifier.h"
#include "software/reference/edgedrnn_ref.h"

namespace vp {

namespace {

constexpr unsigned kLanes = 8;
constexpr unsigned kMinHidden = 16, kMaxSize = 1024;
// THX/THH are 10-bit two's-complement fields (SPEC.md): 0..511 are the distinct
// thresholds; a negative value acts as 0 and bits above 9 are ignored, so any other
// register value only aliases one of these. (The schema's synthetic.thx range is the same.)
constexpr int kMaxThresholdRegister = 511;
constexpr double kMaxInputAmplitude = 127.0;   // Q8.8 holds +-128
// Weight range in units of 1/sqrt(fan_in): twice PyTorch's GRU initialisation, so
// gates move through the LUTs' non-saturated range for inputs of about +-1.
constexpr double kWeightRangeSqrtFanIn = 2.0;
constexpr int kMaxWeightQ17 = 127;

// splitmix64: tiny, well mixed, and fully specified, unlike std:: distributions.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [low, high] (modulo bias below 2^-40 for the ranges used here).
    int64_t between(int64_t low, int64_t high) {
        return low + static_cast<int64_t>(next() % static_cast<uint64_t>(high - low + 1));
    }
    int64_t symmetric(int64_t bound) { return between(-bound, bound); }

private:
    uint64_t state_;
};

// Independent streams for the network and the stimulus, so changing the step count
// leaves the weights unchanged.
constexpr uint64_t kNetworkStream = 0x6E6574776F726Bull;  // "network"
constexpr uint64_t kStimulusStream = 0x7374696D756C75ull; // "stimulu"

[[noreturn]] void reject(const std::string& what) {
    throw WorkloadError("synthetic workload: " + what);
}

void check_size(const char* name, unsigned value, unsigned min, unsigned max) {
    if (value % kLanes != 0 || value < min || value > max)
        reject(std::string(name) + " is " + std::to_string(value) + ", expected a multiple of " +
               std::to_string(kLanes) + " in " + std::to_string(min) + ".." +
               std::to_string(max));
}

void check_threshold(const char* name, int value) {
    if (value < 0 || value > kMaxThresholdRegister)
        reject(std::string(name) + " is " + std::to_string(value) + ", expected a register value in 0.." +
               std::to_string(kMaxThresholdRegister) + " (the 10-bit signed field's non-negative values)");
}

unsigned layer_inputs(const Network& net, unsigned l) {
    return l == 0 ? net.input_size : net.hidden_sizes[l - 1];
}

unsigned active_inputs(const SyntheticSpec& spec) {
    return spec.active_inputs == 0 ? spec.input_size : spec.active_inputs;
}

// Largest |weight| in Q1.7 LSBs for a layer whose neurons sum fan_in terms.
int64_t weight_bound_q17(double weight_scale, unsigned fan_in) {
    const double bound = weight_scale * 128.0 * kWeightRangeSqrtFanIn / std::sqrt(double(fan_in));
    return std::clamp<int64_t>(std::llround(bound), 1, kMaxWeightQ17);
}

// Fills layer l's columns (bias, inputs, hidden) at the addresses the hardware uses:
// column index * 3 * H_l from the image start (SPEC 3.1). Padding input columns of
// layer 1 stay zero.
void fill_layer_columns(Network& net, unsigned l, uint64_t first_column, unsigned used_inputs,
                        double weight_scale, Rng& rng) {
    const unsigned inputs = layer_inputs(net, l);
    const unsigned hidden = net.hidden_sizes[l];
    const unsigned column_bytes = 3 * hidden;
    const int64_t bound = weight_bound_q17(weight_scale, used_inputs + hidden + 1);
    const unsigned columns = 1 + inputs + hidden;
    for (unsigned c = 0; c < columns; ++c) {
        const bool padding = c >= 1 + used_inputs && c < 1 + inputs;
        if (padding) continue;
        int8_t* column = &net.weights[(first_column + c) * column_bytes];
        for (unsigned b = 0; b < column_bytes; ++b)
            column[b] = static_cast<int8_t>(rng.symmetric(bound));
    }
}

void fill_classifier(Network& net, double weight_scale, Rng& rng) {
    const unsigned fan_in = net.last_hidden();
    const int64_t bound = weight_bound_q17(weight_scale, fan_in + 1);
    net.cl_weight.resize(size_t(fan_in) * net.num_outputs);
    net.cl_bias.resize(net.num_outputs);
    for (auto& w : net.cl_weight) w = static_cast<int8_t>(rng.symmetric(bound));
    for (auto& b : net.cl_bias) b = static_cast<int8_t>(rng.symmetric(bound));
}

// One input channel: a slow bounded random walk ("drift") followed by a first-order
// low-pass, plus a little white noise, all in integer fixed point (1.0 = 2^16) so the
// sequence is identical on every platform. Consecutive samples are close, so how many
// deltas pass depends on the data and the thresholds.
class InputChannel {
public:
    InputChannel(Rng& rng, int64_t amplitude_q88)
        : amplitude_q88_(amplitude_q88),
          max_step_(rng.between(kMinStep, kMaxStep)),
          drift_(rng.symmetric(kOne)),
          smooth_(drift_) {}

    int16_t next(Rng& rng) {
        drift_ = std::clamp<int64_t>(drift_ + rng.symmetric(max_step_), -kOne, kOne);
        smooth_ += (drift_ - smooth_) / kSmoothingDivisor;
        const int64_t value = smooth_ + rng.symmetric(kNoise);
        const int64_t q88 = value * amplitude_q88_ / kOne;
        return static_cast<int16_t>(std::clamp<int64_t>(q88, INT16_MIN, INT16_MAX));
    }

private:
    static constexpr int64_t kOne = 1 << 16;
    static constexpr int64_t kMinStep = kOne / 50, kMaxStep = kOne / 12;  // per step
    static constexpr int64_t kSmoothingDivisor = 5;                        // alpha = 0.2
    static constexpr int64_t kNoise = kOne / 100;
    int64_t amplitude_q88_;
    int64_t max_step_;
    int64_t drift_;
    int64_t smooth_;
};

// The reference model plus its state memory (uint64_t keeps it 8-byte aligned).
class ReferenceRun {
public:
    explicit ReferenceRun(const Network& net) {
        edgedrnn_ref_config cfg{};
        cfg.num_layers = net.num_layers;
        cfg.input_size = net.input_size;
        std::copy(net.hidden_sizes.begin(), net.hidden_sizes.end(), cfg.hidden);
        cfg.weights = net.weights.data();
        cfg.weight_bytes = static_cast<uint32_t>(net.weights.size());
        cfg.thx_reg = static_cast<uint32_t>(net.thx);
        cfg.thh_reg = static_cast<uint32_t>(net.thh);
        state_.resize((edgedrnn_ref_state_bytes(&cfg) + 7) / 8);
        if (edgedrnn_ref_init(&ref_, &cfg, state_.data(), state_.size() * 8) != 0)
            throw WorkloadError(net.source + ": the reference model rejects this network");
    }
    void step(const int16_t* x, int16_t* h_out) { edgedrnn_ref_step(&ref_, x, h_out, nullptr); }

private:
    std::vector<uint64_t> state_;
    edgedrnn_ref ref_{};
};

}  // namespace

void validate(const SyntheticSpec& spec) {
    if (spec.layers < 1 || spec.layers > EDGEDRNN_REF_MAX_LAYERS)
        reject("layers is " + std::to_string(spec.layers) + ", expected 1..4");
    check_size("input_size", spec.input_size, kLanes, kMaxSize);
    if (spec.active_inputs > spec.input_size)
        reject("active_inputs is " + std::to_string(spec.active_inputs) +
               ", expected at most input_size (" + std::to_string(spec.input_size) + ")");
    check_size("hidden_size", spec.hidden_size, kMinHidden, kMaxSize);
    if (spec.timesteps == 0) reject("timesteps is 0, expected at least 1");
    check_threshold("thx", spec.thx);
    check_threshold("thh", spec.thh);
    if (!(spec.weight_scale > 0 && std::isfinite(spec.weight_scale)))
        reject("weight_scale is " + std::to_string(spec.weight_scale) + ", expected > 0");
    if (!(spec.input_amplitude >= 0 && spec.input_amplitude <= kMaxInputAmplitude))
        reject("input_amplitude is " + std::to_string(spec.input_amplitude) +
               ", expected 0..127 (Q8.8 range)");
}

Network make_synthetic_network(const SyntheticSpec& spec) {
    validate(spec);
    Network net;
    net.num_layers = spec.layers;
    net.input_size = spec.input_size;
    net.hidden_sizes.assign(spec.layers, spec.hidden_size);
    net.thx = spec.thx;
    net.thh = spec.thh;
    net.num_outputs = spec.num_outputs;
    net.source = describe(spec);
    net.weights.assign(net.required_weight_bytes(), 0);

    Rng rng(spec.seed ^ kNetworkStream);
    uint64_t first_column = 0;
    for (unsigned l = 0; l < net.num_layers; ++l) {
        const unsigned used_inputs = l == 0 ? active_inputs(spec) : layer_inputs(net, l);
        fill_layer_columns(net, l, first_column, used_inputs, spec.weight_scale, rng);
        first_column += 1 + layer_inputs(net, l) + net.hidden_sizes[l];
    }
    fill_classifier(net, spec.weight_scale, rng);
    return net;
}

Stimulus make_synthetic_stimulus(const SyntheticSpec& spec, const Network& net) {
    validate(spec);
    if (net.input_size != spec.input_size)
        reject("network has " + std::to_string(net.input_size) + " inputs, spec " +
               std::to_string(spec.input_size));
    Stimulus stim;
    stim.timesteps = spec.timesteps;
    stim.input_size = spec.input_size;
    stim.source = describe(spec);
    stim.inputs.assign(size_t(spec.timesteps) * spec.input_size, 0);

    Rng rng(spec.seed ^ kStimulusStream);
    const int64_t amplitude_q88 = std::llround(spec.input_amplitude * 256.0);
    std::vector<InputChannel> channels;
    for (unsigned i = 0; i < active_inputs(spec); ++i) channels.emplace_back(rng, amplitude_q88);
    for (unsigned t = 0; t < spec.timesteps; ++t)
        for (unsigned i = 0; i < channels.size(); ++i)
            stim.inputs[size_t(t) * spec.input_size + i] = channels[i].next(rng);

    compute_reference_gold(net, stim);
    return stim;
}

void compute_reference_gold(const Network& net, Stimulus& stim) {
    check_consistent(net, stim);
    const unsigned width = net.last_hidden(), outputs = net.num_outputs;
    stim.gold_width = width;
    stim.gold_rnn.assign(size_t(stim.timesteps) * width, 0);
    stim.gold_fc_width = outputs;
    stim.gold_fc.assign(size_t(stim.timesteps) * outputs, 0);

    ReferenceRun ref(net);
    for (unsigned t = 0; t < stim.timesteps; ++t) {
        int16_t* h = &stim.gold_rnn[size_t(t) * width];
        ref.step(&stim.inputs[size_t(t) * stim.input_size], h);
        for (unsigned o = 0; o < outputs; ++o) {
            const int32_t acc = fc_classifier_raw(h, width, net.cl_weight.data(), net.cl_bias.data(),
                                                  outputs, o);
            stim.gold_fc[size_t(t) * outputs + o] = fc_classifier_q88(acc);
        }
    }
}

std::string describe(const SyntheticSpec& spec) {
    std::ostringstream s;
    s << "synthetic(L=" << spec.layers << " I=" << spec.input_size;
    if (spec.active_inputs != 0 && spec.active_inputs != spec.input_size)
        s << " (" << spec.active_inputs << " active)";
    s << " H=" << spec.hidden_size << " T=" << spec.timesteps << " seed=" << spec.seed
      << " THX=" << spec.thx << " THH=" << spec.thh << " outputs=" << spec.num_outputs
      << " weight_scale=" << spec.weight_scale << " input_amplitude=" << spec.input_amplitude
      << ")";
    return s.str();
}

}  // namespace vp
