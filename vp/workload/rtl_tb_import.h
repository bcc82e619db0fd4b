// Importer for the EdgeDRNN RTL testbench text files (SPEC 3.4): one bus word per line
// in hex, most significant digit first, lane 0 in the least significant digits,
// everything after `//` a comment.
#pragma once

#include "vp/workload/workload.h"

#include <string>

namespace vp {

// edgedrnn_tb_params.txt (one 64-bit word per line, byte address = 8*line + lane) and
// edgedrnn_tb_creg.txt (exactly 32 register lines: THX = reg 1, THH = reg 2,
// NUM_LAYER = reg 3, SIZE_0..4 = reg 4..8). THX/THH keep the raw register values.
// Throws WorkloadError "FILE:LINE: problem, expectation".
Network import_tb_network(const std::string& params_txt, const std::string& creg_txt);

// edgedrnn_tb_stim.txt (one 128-bit beat of 8 x int16 per line, I/8 lines per step)
// and optionally edgedrnn_tb_gold_rnn.txt (H_L/8 lines per step; "" = no gold).
Stimulus import_tb_stimulus(const std::string& stim_txt, const std::string& gold_txt,
                            const Network& net);

}  // namespace vp
