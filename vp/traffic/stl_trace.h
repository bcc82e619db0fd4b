// A memory trace in DRAMSys's STL format, read into a compact vector of records.
//
// One transaction per line (DRAMSys, configs/README.md "Trace Files"):
//
//   # comment
//   <cycle>: [(<bytes>)] read|write <hex address> [<hex data>]
//
//   31: read 0x400140             a read of the default length at cycle 31
//   81: (128) read 0x400180       a read of 128 bytes
//   96: write 0x7fff8000 0x0011...  a write whose data is 0x followed by 2 x bytes hex digits
//
// What is accepted (everything DRAMSys's own player reads, plus a little leniency):
//  - the cycle is a decimal count of the trace clock's cycles (trace.clock_hz); the colon
//    after it is optional, as DRAMSys's reader ignores it; 0 (or any time already past)
//    means "as soon as the player may issue";
//  - the length is optional: "(<bytes>)" right before the command, 1 .. kMaxBytes bytes;
//    without it the player's default (trace.default_bytes) applies;
//  - read / write in lower case; the address in hexadecimal, with or without 0x;
//  - write data is optional (DRAMSys wants it only when its storage is on); when present
//    it must hold exactly the transaction's bytes (byte 0 first), and the player writes
//    it; writes without data write zeros; a read never carries data;
//  - blank lines, lines starting with '#', and '#' comments after a transaction; CRLF
//    line ends;
//  - a file named *.rstl is a relative trace (DRAMSys): each cycle counts from the
//    completion of the previous transaction instead of from time zero.
// Time stamps need not increase: a transaction is never issued before the one above it.
//
// Bad input throws TraceError "FILE:LINE: what is wrong, expected what".
#pragma once

#include <cstdint>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

namespace vp {

// A trace file that cannot be read or does not follow the format above.
struct TraceError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct StlRecord {
    static constexpr uint32_t kNoData = UINT32_MAX;

    uint64_t cycle = 0;      // issue time in trace clock cycles (relative trace: after the previous)
    uint64_t address = 0;    // as written in the trace (the player adds trace.base_address)
    uint32_t bytes = 0;      // transaction length
    uint32_t line = 0;       // line in the file, for messages
    uint32_t data_offset = kNoData;  // write data: index into StlTrace::write_data
    bool is_write = false;

    bool has_data() const { return data_offset != kNoData; }
};

struct StlTrace {
    static constexpr uint32_t kMaxBytes = 1u << 20;  // one transaction: 1 MiB at most

    std::string name;                 // the file, as messages name it
    bool relative = false;            // .rstl: cycles count from the previous completion
    std::vector<StlRecord> records;
    std::vector<uint8_t> write_data;  // all writes' data, back to back

    uint32_t max_bytes() const;       // the longest transaction (0 for an empty trace)
    uint64_t total_bytes() const;
};

// Parses `in`; `name` is used in messages; records without a length get default_bytes
// (1 .. kMaxBytes). Throws TraceError for bad input or a trace without transactions.
StlTrace parse_stl(std::istream& in, const std::string& name, uint32_t default_bytes,
                   bool relative = false);
// Reads a file; *.rstl is a relative trace. Throws TraceError naming the file when it
// cannot be opened.
StlTrace load_stl(const std::string& path, uint32_t default_bytes);

}  // namespace vp
