#include "vp/platform/workload_loader.h"

#include <algorithm>

#include "vp/common/log.h"
#include "vp/workload/rtl_tb_import.h"
#include "vp/workload/sdk_export_import.h"
#include "vp/workload/synthetic.h"

namespace vp {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string require(const Config& c, const std::string& key, const std::string& why) {
    const std::string v = c.get_string(key);
    if (v.empty()) throw ConfigError("missing " + key + ": " + why);
    return v;
}

// Input files the chosen workload would not read are errors, not silently ignored:
// the user expects them to matter (a gold to be checked against, say).
void reject_unused_inputs(const Config& c) {
    const std::string network = c.get_string("workload.network");
    if (network.empty()) {
        for (const char* key : {"workload.stimulus", "workload.registers", "workload.gold"})
            if (!c.get_string(key).empty())
                throw ConfigError(c.named(key) + " is set but workload.network (--network) is not: "
                                  "the synthetic network would run and ignore it; add --network");
        return;
    }
    if (ends_with(network, ".c")) {
        // The SDK export carries its sizes and thresholds in edgedrnn_params.h and its gold
        // in edgedrnn_test.c; the register and gold files belong to the RTL testbench.
        if (!c.get_string("workload.registers").empty())
            throw ConfigError(c.named("workload.registers") +
                              ": an SDK-export network (.c) takes its sizes and thresholds from "
                              "edgedrnn_params.h, so the register file would be ignored; drop it "
                              "(thresholds: --set workload.thx=/workload.thh=)");
        if (!c.get_string("workload.gold").empty())
            throw ConfigError(c.named("workload.gold") +
                              ": an SDK-export network (.c) takes its gold from the stimulus file "
                              "(edgedrnn_test.c), so this file would be ignored; drop it");
    }
}

LoadedWorkload import_files(const Config& c) {
    // The files define the network and stimulus: synthetic.* keys are ignored. Warned, not
    // refused: a scenario (scenarios/paper.cfg, say) may set them beneath --network.
    for (const auto& entry : c.schema().all())
        if (entry.first.rfind("synthetic.", 0) == 0 && c.is_set(entry.first))
            log_warning("vp", "workload.network is set: " + c.named(entry.first) +
                                  " is ignored (the network and stimulus come from its files; "
                                  "workload.timesteps limits the steps)");
    LoadedWorkload w;
    const std::string network = c.get_string("workload.network");
    if (ends_with(network, ".c")) {
        const std::string stimulus = require(c, "workload.stimulus",
            "an SDK-export network needs --stimulus DIR/edgedrnn_test.c");
        w.network = import_sdk_network(network);
        w.stimulus = import_sdk_stimulus(stimulus, w.network);
        w.description = "SDK export " + network;
    } else if (ends_with(network, ".txt")) {
        const std::string registers = require(c, "workload.registers",
            "an RTL-testbench network needs --registers edgedrnn_tb_creg.txt");
        const std::string stimulus = require(c, "workload.stimulus",
            "an RTL-testbench network needs --stimulus edgedrnn_tb_stim.txt");
        w.network = import_tb_network(network, registers);
        w.stimulus = import_tb_stimulus(stimulus, c.get_string("workload.gold"), w.network);
        w.description = "RTL testbench " + network;
    } else {
        throw ConfigError(c.origin("workload.network") + ": workload.network = '" + network +
                          "': expected an SDK export (edgedrnn_params.c) or an RTL testbench "
                          "weight file (edgedrnn_tb_params.txt)");
    }
    w.gold_source = w.stimulus.gold_rnn.empty() ? "none" : "files";
    return w;
}

LoadedWorkload synthesize(const Config& c) {
    SyntheticSpec spec;
    spec.layers = static_cast<unsigned>(c.get_uint("synthetic.layers"));
    spec.input_size = static_cast<unsigned>(c.get_uint("synthetic.input_size"));
    spec.hidden_size = static_cast<unsigned>(c.get_uint("synthetic.hidden_size"));
    spec.timesteps = static_cast<unsigned>(c.get_uint("synthetic.timesteps"));
    spec.seed = c.get_uint("synthetic.seed");
    spec.num_outputs = static_cast<unsigned>(c.get_uint("synthetic.num_outputs"));
    spec.thx = static_cast<int>(c.get_int("synthetic.thx"));
    spec.thh = static_cast<int>(c.get_int("synthetic.thh"));
    LoadedWorkload w;
    w.network = make_synthetic_network(spec);
    w.stimulus = make_synthetic_stimulus(spec, w.network);
    w.description = describe(spec);
    w.gold_source = "reference model";
    return w;
}

// Keeps only the first n steps (workload.timesteps) of the stimulus and its gold; more
// steps than the stimulus holds is refused rather than silently cut to it.
void truncate(const Config& c, Stimulus& s, unsigned n) {
    if (n > s.timesteps)
        throw ConfigError(c.origin("workload.timesteps") + ": workload.timesteps = " + std::to_string(n) +
                          " exceeds the stimulus' " + std::to_string(s.timesteps) + " time steps (" + s.source +
                          "): expected 0 (all) to " + std::to_string(s.timesteps));
    if (n == 0 || n == s.timesteps) return;
    s.timesteps = n;
    s.inputs.resize(static_cast<std::size_t>(n) * s.input_size);
    if (!s.gold_rnn.empty()) s.gold_rnn.resize(static_cast<std::size_t>(n) * s.gold_width);
    if (!s.gold_fc.empty()) s.gold_fc.resize(static_cast<std::size_t>(n) * s.gold_fc_width);
}

}  // namespace

LoadedWorkload load_workload(const Config& c) {
    reject_unused_inputs(c);
    LoadedWorkload w = c.get_string("workload.network").empty() ? synthesize(c) : import_files(c);
    check_consistent(w.network, w.stimulus);
    const uint64_t timesteps = c.get_uint("workload.timesteps");  // schema: at most 1e9
    truncate(c, w.stimulus, static_cast<unsigned>(timesteps));

    // Threshold overrides are register values; the files' gold was computed at the
    // network's own thresholds, so the reference model provides the gold instead.
    bool overridden = false;
    for (const char* key : {"workload.thx", "workload.thh"}) {
        if (!c.is_set(key)) continue;
        int& th = std::string(key) == "workload.thx" ? w.network.thx : w.network.thh;
        const int value = static_cast<int>(static_cast<uint32_t>(c.get_int(key)));
        overridden = overridden || value != th;
        th = value;
    }
    if (overridden) {
        compute_reference_gold(w.network, w.stimulus);
        w.gold_source = "reference model (thresholds overridden)";
    }
    return w;
}

}  // namespace vp
