// Importer for the C source the EdgeDRNN training flow exports for the bare-metal
// driver (SPEC 3.4, data/README.md): edgedrnn_params.{c,h} and edgedrnn_test.{c,h}.
#pragma once

#include "vp/workload/workload.h"

#include <string>

namespace vp {

// Reads DIR/edgedrnn_params.c and the .h beside it (same stem): shape macros
// RNN_LAYERS, INP_SIZE, RNN_SIZE (every layer's hidden size), THX, THH; rnn_param
// (weight image) and optionally cl_weight/cl_bias (classifier, num_outputs =
// CL_BIAS_SIZE). Throws WorkloadError "FILE:LINE: problem, expectation".
Network import_sdk_network(const std::string& params_c_path);

// Reads edgedrnn_test.c and its .h: edgedrnn_test_stim (short [t*I+i], NUM_ROWS = I,
// NUM_COLS = T) and optionally edgedrnn_test_gold_rnn (short) and
// edgedrnn_test_gold_fc (short Q8.8, or float/double in units, converted to Q8.8 with
// round-to-nearest). Shapes are checked against `net`.
Stimulus import_sdk_stimulus(const std::string& test_c_path, const Network& net);

}  // namespace vp
