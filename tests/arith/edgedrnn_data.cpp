#include "tests/arith/edgedrnn_data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace arith_test {
namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string strip(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

int32_t sign_extend(uint32_t value, unsigned bits) {
    const uint32_t sign = 1u << (bits - 1);
    return static_cast<int32_t>((value ^ sign)) - static_cast<int32_t>(sign);
}

// Lanes of one hex word: lane i is taken from the i-th group of digits from the right.
std::vector<int32_t> split_lanes(const std::string& hex, unsigned lane_bits) {
    const unsigned digits_per_lane = lane_bits / 4;
    if (hex.empty() || hex.size() % digits_per_lane != 0)
        throw std::runtime_error("hex word '" + hex + "' is not a whole number of lanes");
    std::vector<int32_t> lanes;
    for (size_t end = hex.size(); end > 0; end -= digits_per_lane) {
        const std::string digits = hex.substr(end - digits_per_lane, digits_per_lane);
        lanes.push_back(sign_extend(std::stoul(digits, nullptr, 16), lane_bits));
    }
    return lanes;
}

}  // namespace

std::vector<std::vector<int32_t>> read_hex_words(const std::string& path, unsigned lane_bits) {
    std::istringstream text(read_text(path));
    std::vector<std::vector<int32_t>> words;
    for (std::string line; std::getline(text, line);) {
        const std::string word = strip(line.substr(0, line.find("//")));
        if (!word.empty()) words.push_back(split_lanes(word, lane_bits));
    }
    return words;
}

std::vector<int32_t> read_hex_lanes_flat(const std::string& path, unsigned lane_bits) {
    std::vector<int32_t> flat;
    for (const auto& word : read_hex_words(path, lane_bits))
        flat.insert(flat.end(), word.begin(), word.end());
    return flat;
}

std::vector<std::pair<int, int>> read_lut_table(const std::string& path) {
    std::istringstream text(read_text(path));
    std::vector<std::pair<int, int>> table;
    for (std::string line; std::getline(text, line);) {
        const auto colon = line.find(':');
        const auto equals = line.find('=');
        if (colon == std::string::npos || equals == std::string::npos) continue;
        table.emplace_back(std::stoi(line.substr(0, colon)), std::stoi(line.substr(equals + 1)));
    }
    return table;
}

std::vector<double> read_c_array(const std::string& path, const std::string& name) {
    const std::string text = read_text(path);
    const auto decl = text.find(name + "[");
    if (decl == std::string::npos) throw std::runtime_error(name + " not found in " + path);
    const auto open = text.find('{', decl);
    const auto close = text.find('}', open);
    if (open == std::string::npos || close == std::string::npos)
        throw std::runtime_error("no initialiser for " + name + " in " + path);
    std::istringstream items(text.substr(open + 1, close - open - 1));
    std::vector<double> values;
    for (std::string item; std::getline(items, item, ',');) {
        item = strip(item);
        if (item.empty()) continue;
        char* end = nullptr;
        values.push_back(std::strtod(item.c_str(), &end));
        if (end == item.c_str() || *end != '\0')
            throw std::runtime_error("bad number '" + item + "' in " + name);
    }
    return values;
}

}  // namespace arith_test
