#include "vp/workload/workload.h"

#include <algorithm>
#include <string>

namespace vp {

namespace {

// Input size of layer l (0-based): the stimulus for the first layer, the previous
// layer's hidden vector after that (SPEC 2).
unsigned layer_input(const Network& net, size_t l) {
    return l == 0 ? net.input_size : net.hidden_sizes[l - 1];
}

// The SIZE_k register fields are 11 bits and the PE array takes 8 elements per beat.
constexpr unsigned kMaxSize = 2040;
bool valid_size(unsigned n) { return n > 0 && n % 8 == 0 && n <= kMaxSize; }

[[noreturn]] void fail(const std::string& source, const std::string& what) {
    throw WorkloadError((source.empty() ? std::string("<network>") : source) + ": " + what);
}

std::string str(uint64_t v) { return std::to_string(v); }

}  // namespace

uint64_t Network::total_columns() const {
    uint64_t columns = 0;
    for (size_t l = 0; l < hidden_sizes.size(); ++l)
        columns += uint64_t(layer_input(*this, l)) + hidden_sizes[l] + 1;
    return columns;
}

uint64_t Network::required_weight_bytes() const {
    // Layer l's column j lives at (C_l + j) * 3*H_l: the hardware strides every earlier
    // column with this layer's H, so with unequal sizes a later layer may end past (or
    // before) the plain concatenation. The image must reach the furthest end.
    uint64_t first_column = 0, bytes = 0;
    for (size_t l = 0; l < hidden_sizes.size(); ++l) {
        const uint64_t columns = uint64_t(layer_input(*this, l)) + hidden_sizes[l] + 1;
        bytes = std::max(bytes, (first_column + columns) * 3 * hidden_sizes[l]);
        first_column += columns;
    }
    return bytes;
}

void check_network(const Network& net) {
    const std::string& src = net.source;
    if (net.num_layers < 1 || net.num_layers > 4)
        fail(src, "network has " + str(net.num_layers) + " layers, expected 1..4");
    if (net.hidden_sizes.size() != net.num_layers)
        fail(src, "network lists " + str(net.hidden_sizes.size()) + " hidden sizes for " +
                      str(net.num_layers) + " layers, expected one per layer");
    if (!valid_size(net.input_size))
        fail(src, "input size " + str(net.input_size) +
                      ", expected a multiple of 8 in 8.." + str(kMaxSize) + " (padded input)");
    for (size_t l = 0; l < net.hidden_sizes.size(); ++l)
        if (!valid_size(net.hidden_sizes[l]))
            fail(src, "hidden size of layer " + str(l + 1) + " is " + str(net.hidden_sizes[l]) +
                          ", expected a multiple of 8 in 8.." + str(kMaxSize));
    const uint64_t need = net.required_weight_bytes();
    if (net.weights.size() < need)
        fail(src, "weight image holds " + str(net.weights.size()) + " bytes, expected at least " +
                      str(need) + " (" + str(net.total_columns()) + " columns, SPEC 3.1)");
    const uint64_t nout = net.num_outputs;
    if (net.cl_bias.size() != nout || net.cl_weight.size() != nout * net.last_hidden())
        fail(src, "classifier has " + str(net.cl_weight.size()) + " weights and " +
                      str(net.cl_bias.size()) + " biases, expected " +
                      str(nout * net.last_hidden()) + " and " + str(nout) + " for " + str(nout) +
                      " outputs of " + str(net.last_hidden()) + " inputs");
}

void check_consistent(const Network& net, const Stimulus& stim) {
    check_network(net);
    const std::string& src = stim.source;
    const std::string against = " (network " + net.source + ")";
    if (stim.input_size != net.input_size)
        fail(src, "stimulus has " + str(stim.input_size) + " inputs per step, expected " +
                      str(net.input_size) + ", the network's input size" + against);
    if (stim.timesteps == 0) fail(src, "stimulus has no time steps, expected at least 1");
    const uint64_t steps = stim.timesteps;
    if (stim.inputs.size() != steps * stim.input_size)
        fail(src, "stimulus holds " + str(stim.inputs.size()) + " values, expected " +
                      str(steps * stim.input_size) + " (" + str(steps) + " steps x " +
                      str(stim.input_size) + ")");
    if (stim.gold_width != 0 && stim.gold_width != net.last_hidden())
        fail(src, "golden RNN output has " + str(stim.gold_width) + " values per step, expected " +
                      str(net.last_hidden()) + ", the last layer's hidden size" + against);
    if (stim.gold_rnn.size() != steps * stim.gold_width)
        fail(src, "golden RNN output holds " + str(stim.gold_rnn.size()) + " values, expected " +
                      str(steps * stim.gold_width) + " (" + str(steps) + " steps x " +
                      str(stim.gold_width) + ")");
    if (stim.gold_fc_width != 0 && net.num_outputs != 0 && stim.gold_fc_width != net.num_outputs)
        fail(src, "golden classifier output has " + str(stim.gold_fc_width) +
                      " values per step, expected " + str(net.num_outputs) +
                      ", the classifier's output count" + against);
    if (stim.gold_fc.size() != steps * stim.gold_fc_width)
        fail(src, "golden classifier output holds " + str(stim.gold_fc.size()) +
                      " values, expected " + str(steps * stim.gold_fc_width) + " (" + str(steps) +
                      " steps x " + str(stim.gold_fc_width) + ")");
}

}  // namespace vp
