// A DRAM part and its controller settings, as the platform file (usually through a
// preset, `ddr.preset = ddr/ddr3l-1066-x16.cfg`) describes them.
//
// Timings are written with their unit, as datasheets give them: "13.125 ns", "7.8 us" or
// "4 ck" (clock cycles). The controller works in whole clock cycles, as a real DDR
// controller's timing registers do: a time in ns becomes ceil(time / tCK) cycles.
// tCK itself is rounded to the simulator's time resolution (1 ps: DDR4-2400's 0.833 ns
// is 833 ps), and the peak bandwidth is computed from that same rounded clock, so every
// number the model reports is consistent with the clock it runs on.
#pragma once

#include <cstdint>
#include <string>

namespace vp {

class Config;
class ConfigSchema;

enum class AddressOrder { RowBankColumn, BankRowColumn, RowColumnBank };
enum class PagePolicyKind { Open, Closed };
enum class ArbitrationKind { RoundRobin, FixedPriority };

struct DramParams {
    std::string part;                 // free text for reports

    // Clock, bus and geometry.
    uint64_t tck_ps = 0;              // controller/device clock period
    unsigned bus_width_bits = 0;      // data bus width (power of two)
    unsigned data_rate = 2;           // transfers per clock: 2 for DDR
    unsigned burst_length = 0;        // transfers per burst (BL8, BL16)
    unsigned banks = 0;               // banks per rank, bank groups included
    unsigned bank_groups = 1;         // DDR4: 4; others 1
    uint64_t rows = 0;                // rows per bank
    uint64_t columns = 0;             // columns per row (one column = bus width)

    // Timings in clock cycles (cycles, not ns: the controller counts cycles).
    uint32_t CL = 0, CWL = 0, tRCD = 0, tRP = 0, tRAS = 0, tRC = 0;
    uint32_t tRRD = 0, tRRD_L = 0, tFAW = 0, tCCD = 0, tCCD_L = 0;
    uint32_t tWR = 0, tWTR = 0, tWTR_L = 0, tRTP = 0, tRFC = 0;
    uint64_t tREFI = 0;

    // Controller policies.
    AddressOrder order = AddressOrder::RowBankColumn;
    bool xor_bank = false;            // bank ^= low row bits (spreads row-aligned strides)
    PagePolicyKind page_policy = PagePolicyKind::Open;
    bool refresh = true;
    ArbitrationKind arbitration = ArbitrationKind::RoundRobin;
    std::string priority_port;        // FixedPriority: the port served first

    unsigned bus_width_bytes() const { return bus_width_bits / 8; }
    unsigned burst_bytes() const { return bus_width_bytes() * burst_length; }
    uint32_t burst_cycles() const { return burst_length / data_rate; }
    uint64_t row_bytes() const { return columns * bus_width_bytes(); }
    uint64_t capacity_bytes() const { return row_bytes() * rows * banks; }
    double peak_bytes_per_s() const {
        return static_cast<double>(bus_width_bytes()) * data_rate * 1e12 / static_cast<double>(tck_ps);
    }

    // Declares <prefix>.preset and every key below it (<prefix>.tRCD, <prefix>.banks, ...).
    static void declare(ConfigSchema& schema, const std::string& prefix);
    // Reads and checks them: a missing or negative timing, a width or count that is not a
    // power of two, an impossible combination -> ConfigError naming the key and where its
    // value came from.
    static DramParams from_config(const Config& config, const std::string& prefix);
};

// A timing as written: "13.125 ns" / "7.8 us" / "500 ps" (a time) or "4 ck" (cycles).
struct DramTime {
    double ps = 0;          // when given as a time
    uint64_t cycles = 0;    // when given in clock cycles
    bool in_cycles = false;
};
// Throws std::invalid_argument with what was expected.
DramTime parse_dram_time(const std::string& text);

}  // namespace vp
