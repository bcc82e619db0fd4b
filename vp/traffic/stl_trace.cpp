#include "vp/traffic/stl_trace.h"

#include "vp/config/input_file.h"

#include <fstream>
#include <limits>
#include <string_view>

namespace vp {
namespace {

// Splits a line into whitespace-separated tokens without allocating.
class Tokens {
public:
    explicit Tokens(std::string_view line) : rest_(line) {}
    bool next(std::string_view& token) {
        const auto begin = rest_.find_first_not_of(" \t\r");
        if (begin == std::string_view::npos) return false;
        rest_.remove_prefix(begin);
        const auto end = rest_.find_first_of(" \t\r");
        token = rest_.substr(0, end);
        rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end);
        return true;
    }

private:
    std::string_view rest_;
};

bool parse_decimal(std::string_view s, uint64_t& value) {
    if (s.empty()) return false;
    value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        const uint64_t digit = static_cast<uint64_t>(c - '0');
        if (value > (std::numeric_limits<uint64_t>::max() - digit) / 10) return false;  // overflow
        value = value * 10 + digit;
    }
    return true;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool has_hex_prefix(std::string_view s) {
    return s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

// A hexadecimal number of at most 64 bits, with or without 0x.
bool parse_hex(std::string_view s, uint64_t& value) {
    if (has_hex_prefix(s)) s.remove_prefix(2);
    if (s.empty()) return false;
    value = 0;
    for (char c : s) {
        const int d = hex_digit(c);
        if (d < 0 || value >> 60) return false;
        value = value << 4 | static_cast<uint64_t>(d);
    }
    return true;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

uint32_t StlTrace::max_bytes() const {
    uint32_t most = 0;
    for (const StlRecord& r : records) most = r.bytes > most ? r.bytes : most;
    return most;
}

uint64_t StlTrace::total_bytes() const {
    uint64_t sum = 0;
    for (const StlRecord& r : records) sum += r.bytes;
    return sum;
}

StlTrace parse_stl(std::istream& in, const std::string& name, uint32_t default_bytes, bool relative) {
    if (default_bytes == 0 || default_bytes > StlTrace::kMaxBytes)
        throw TraceError(name + ": the default transaction length " + std::to_string(default_bytes) +
                         " is out of range, expected 1.." + std::to_string(StlTrace::kMaxBytes) + " bytes");
    StlTrace trace;
    trace.name = name;
    trace.relative = relative;
    std::string text;
    uint32_t line_number = 0;
    while (std::getline(in, text)) {
        ++line_number;
        std::string_view line(text);
        const auto comment = line.find('#');
        if (comment != std::string_view::npos) line = line.substr(0, comment);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        auto fail = [&](const std::string& what) -> TraceError {  // built only on error
            return TraceError(name + ":" + std::to_string(line_number) + ": " + what);
        };

        Tokens tokens(line);
        std::string_view token;
        if (!tokens.next(token)) continue;  // blank or comment only

        StlRecord r;
        r.line = line_number;
        std::string_view cycle = token;
        if (!cycle.empty() && cycle.back() == ':') cycle.remove_suffix(1);
        if (!parse_decimal(cycle, r.cycle))
            throw fail(quoted(token) + " is not a time stamp, expected '<cycle>:' (a decimal count of "
                                       "trace clock cycles, 0 = as soon as possible)");
        if (!tokens.next(token))
            throw fail("the line ends after the time stamp, expected a command 'read' or 'write'");
        if (token == ":" && !tokens.next(token))  // "31 : read ..."
            throw fail("the line ends after the time stamp, expected a command 'read' or 'write'");

        r.bytes = default_bytes;
        if (token.front() == '(') {
            uint64_t bytes = 0;
            if (token.size() < 3 || token.back() != ')' || !parse_decimal(token.substr(1, token.size() - 2), bytes) ||
                bytes == 0 || bytes > StlTrace::kMaxBytes)
                throw fail(quoted(token) + " is not a length, expected '(<bytes>)' with 1.." +
                           std::to_string(StlTrace::kMaxBytes) + " bytes");
            r.bytes = static_cast<uint32_t>(bytes);
            if (!tokens.next(token))
                throw fail("the line ends after the length, expected a command 'read' or 'write'");
        }

        if (token == "read") r.is_write = false;
        else if (token == "write") r.is_write = true;
        else throw fail(quoted(token) + " is not a command, expected 'read' or 'write'");

        if (!tokens.next(token))
            throw fail("the line ends after '" + std::string(r.is_write ? "write" : "read") +
                       "', expected a hexadecimal address such as 0x1f40");
        if (!parse_hex(token, r.address))
            throw fail(quoted(token) + " is not an address, expected a hexadecimal address such as "
                                       "0x1f40 (at most 64 bits)");
        if (r.address > std::numeric_limits<uint64_t>::max() - r.bytes)
            throw fail("the transaction at " + quoted(token) + " runs past the end of the 64-bit address space");

        if (tokens.next(token)) {
            if (!r.is_write)
                throw fail("unexpected " + quoted(token) + " after a read's address, expected the end of "
                           "the line (only writes carry data)");
            std::string_view hex = token;
            if (has_hex_prefix(hex)) hex.remove_prefix(2);
            if (hex.size() != 2ull * r.bytes)
                throw fail("the write data has " + std::to_string(hex.size()) + " hex digits, expected 0x and " +
                           std::to_string(2ull * r.bytes) + " (2 per byte of the " + std::to_string(r.bytes) +
                           "-byte transaction)");
            r.data_offset = static_cast<uint32_t>(trace.write_data.size());
            for (std::size_t i = 0; i < hex.size(); i += 2) {
                const int high = hex_digit(hex[i]), low = hex_digit(hex[i + 1]);
                if (high < 0 || low < 0)
                    throw fail(quoted(hex.substr(i, 2)) + " in the write data is not a byte, expected hex digits");
                trace.write_data.push_back(static_cast<uint8_t>(high << 4 | low));
            }
            if (tokens.next(token))
                throw fail("unexpected " + quoted(token) + " after the write data, expected the end of the line");
        }
        trace.records.push_back(r);
    }
    if (in.bad()) throw TraceError(name + ": read error after line " + std::to_string(line_number));
    if (trace.records.empty())
        throw TraceError(name + ": no transactions, expected lines '<cycle>: read|write 0x<address>'");
    return trace;
}

StlTrace load_stl(const std::string& path, uint32_t default_bytes) {
    std::ifstream in = open_input_file<TraceError>(path, "a trace file", "trace.file");
    const bool relative = path.size() >= 5 && path.compare(path.size() - 5, 5, ".rstl") == 0;
    return parse_stl(in, path, default_bytes, relative);
}

}  // namespace vp
