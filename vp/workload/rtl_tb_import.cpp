#include "vp/workload/rtl_tb_import.h"

#include "vp/workload/import_text.h"

#include <cstdint>

namespace vp {

namespace {

using detail::DataLine;
using detail::TextFile;

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The data lines of a file that must not be empty.
std::vector<DataLine> read_lines(const TextFile& file, const std::string& expected) {
    std::vector<DataLine> lines = detail::data_lines(file);
    if (lines.empty()) file.fail(1, "no data lines (empty file), expected " + expected);
    return lines;
}

// Decodes a line of exactly `digits` hex digits into digits/2 bytes in lane order:
// bytes[0] = the two least significant (rightmost) digits.
void decode_hex(const TextFile& file, const DataLine& line, size_t digits,
                const std::string& expected, uint8_t* bytes) {
    for (size_t i = 0; i < line.text.size(); ++i)
        if (hex_value(line.text[i]) < 0)
            file.fail(line.number, detail::quote(line.text.substr(i, 1)) + " (column " +
                                       std::to_string(i + 1) + ") is not a hex digit, expected " +
                                       expected);
    if (line.text.size() != digits)
        file.fail(line.number, std::to_string(line.text.size()) + " hex digits, expected " +
                                   expected);
    for (size_t b = 0; b < digits / 2; ++b) {
        const size_t hi = digits - 2 * b - 2;
        bytes[b] = uint8_t(hex_value(line.text[hi]) << 4 | hex_value(line.text[hi + 1]));
    }
}

// A file of 128-bit beats holding `per_step` beats per time step, as int16 lanes.
std::vector<int16_t> read_beats(const TextFile& file, unsigned per_step,
                                const std::string& what, unsigned& steps) {
    const std::string expected = "32 hex digits (one 128-bit beat of 8 x Q8.8 " + what + ")";
    const std::vector<DataLine> lines = read_lines(file, "lines of " + expected);
    // Decode first: a bad line explains a wrong count better than the count does.
    std::vector<int16_t> values(lines.size() * 8);
    uint8_t bytes[16];
    for (size_t n = 0; n < lines.size(); ++n) {
        decode_hex(file, lines[n], 32, expected, bytes);
        for (size_t lane = 0; lane < 8; ++lane)
            values[n * 8 + lane] = int16_t(uint16_t(bytes[2 * lane] | bytes[2 * lane + 1] << 8));
    }
    if (lines.size() % per_step != 0)
        file.fail(lines.back().number,
                  std::to_string(lines.size()) + " beats, expected a multiple of " +
                      std::to_string(per_step) + " (" + std::to_string(per_step) +
                      " beats of " + what + " per time step)");
    steps = unsigned(lines.size() / per_step);
    return values;
}

constexpr unsigned kRegisters = 32;
enum Reg { kThx = 1, kThh = 2, kNumLayer = 3, kSize0 = 4 };

// Register values with the line each came from (for messages).
struct Registers {
    uint32_t value[kRegisters];
    unsigned line[kRegisters];
};

Registers read_registers(const TextFile& file) {
    const std::string expected = "4 (or 8) hex digits, one register value per line";
    const std::vector<DataLine> lines =
        read_lines(file, std::to_string(kRegisters) + " lines of " + expected);
    if (lines.size() != kRegisters)
        file.fail(lines.size() > kRegisters ? lines[kRegisters].number : lines.back().number,
                  std::to_string(lines.size()) + " register lines, expected exactly " +
                      std::to_string(kRegisters) + " (registers 0..31)");
    Registers regs{};
    for (unsigned k = 0; k < kRegisters; ++k) {
        uint8_t bytes[4] = {};
        const size_t digits = lines[k].text.size() == 8 ? 8 : 4;
        decode_hex(file, lines[k], digits, expected, bytes);
        regs.value[k] = uint32_t(bytes[0]) | uint32_t(bytes[1]) << 8 | uint32_t(bytes[2]) << 16 |
                        uint32_t(bytes[3]) << 24;
        regs.line[k] = lines[k].number;
    }
    return regs;
}

// A SIZE_k register as a layer size (the 11-bit field, whole beats of 8).
unsigned size_register(const TextFile& file, const Registers& regs, unsigned k,
                       const std::string& meaning) {
    const uint32_t v = regs.value[k];
    if (v == 0 || v % 8 != 0 || v > 2040)
        file.fail(regs.line[k], "SIZE_" + std::to_string(k - kSize0) + " (register " +
                                    std::to_string(k) + ", " + meaning + ") is " +
                                    std::to_string(v) + ", expected a multiple of 8 in 8..2040");
    return v;
}

}  // namespace

Network import_tb_network(const std::string& params_txt, const std::string& creg_txt) {
    const TextFile creg = TextFile::load(creg_txt, "the 32 testbench register values");
    const Registers regs = read_registers(creg);
    Network net;
    net.source = params_txt;
    net.num_layers = regs.value[kNumLayer];
    if (net.num_layers < 1 || net.num_layers > 4)
        creg.fail(regs.line[kNumLayer], "NUM_LAYER (register 3) is " +
                                            std::to_string(regs.value[kNumLayer]) +
                                            ", expected 1..4");
    net.input_size = size_register(creg, regs, kSize0, "input size");
    for (unsigned l = 1; l <= net.num_layers; ++l)
        net.hidden_sizes.push_back(
            size_register(creg, regs, kSize0 + l, "hidden size of layer " + std::to_string(l)));
    // Raw register values; the 10-bit threshold field is the model's business (SPEC 2).
    net.thx = int(int32_t(regs.value[kThx]));
    net.thh = int(int32_t(regs.value[kThh]));

    const TextFile params = TextFile::load(params_txt, "the weight image, one 64-bit word per line");
    const std::string expected = "16 hex digits (one 64-bit word of 8 weight bytes)";
    const std::vector<DataLine> lines = read_lines(params, "lines of " + expected);
    net.weights.resize(lines.size() * 8);
    for (size_t n = 0; n < lines.size(); ++n)
        decode_hex(params, lines[n], 16, expected,
                   reinterpret_cast<uint8_t*>(net.weights.data() + 8 * n));
    // The exporter writes exactly the columns of the shape (3H is a multiple of 24, so
    // whole words); anything else means the params and creg files do not belong together.
    const uint64_t need = net.required_weight_bytes();
    if (net.weights.size() != need)
        params.fail(lines.back().number,
                    std::to_string(lines.size()) + " words = " + std::to_string(lines.size() * 8) +
                        " bytes, expected " + std::to_string(need / 8) + " words = " +
                        std::to_string(need) + " bytes (" + std::to_string(net.total_columns()) +
                        " columns for the shape in " + creg_txt + ")");
    check_network(net);  // cannot fail after the checks above; guards future edits
    return net;
}

Stimulus import_tb_stimulus(const std::string& stim_txt, const std::string& gold_txt,
                            const Network& net) {
    check_network(net);
    Stimulus stim;
    stim.source = stim_txt;
    stim.input_size = net.input_size;
    unsigned line = 0;
    if (detail::sniff_format(stim_txt, line) == detail::TextFormat::CSource)
        throw WorkloadError(stim_txt + ":" + std::to_string(line) +
                            ": looks like an SDK-export stimulus (C source), but the network is an RTL-testbench "
                            "file (" + net.source +
                            "): expected edgedrnn_tb_stim.txt, one 128-bit beat of 32 hex digits per line (an "
                            "SDK-export run gives --network edgedrnn_params.c)");
    const TextFile in = TextFile::load(stim_txt, "the input beats, one 128-bit beat per line");
    stim.inputs = read_beats(in, net.input_size / 8, "inputs", stim.timesteps);

    if (!gold_txt.empty()) {
        const TextFile gold = TextFile::load(gold_txt, "the golden output beats, one per line");
        unsigned steps = 0;
        stim.gold_rnn = read_beats(gold, net.last_hidden() / 8, "outputs", steps);
        if (steps != stim.timesteps)
            gold.fail(detail::data_lines(gold).back().number,
                      std::to_string(steps) + " time steps of output, expected " +
                          std::to_string(stim.timesteps) + " (the step count of " + stim_txt +
                          ")");
        stim.gold_width = net.last_hidden();
    }
    check_consistent(net, stim);
    return stim;
}

}  // namespace vp
