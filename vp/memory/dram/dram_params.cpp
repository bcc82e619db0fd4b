#include "vp/memory/dram/dram_params.h"

#include <cctype>
#include <cmath>
#include <initializer_list>
#include <sstream>
#include <stdexcept>

#include "vp/config/config.h"

namespace vp {
namespace {

// Timing keys: name, what it is. All are required when the DRAM model is selected,
// except the DDR4 "_L" (same bank group) variants, which default to their "_S" value.
struct TimingKey {
    const char* name;
    const char* description;
    bool required;
};
constexpr TimingKey kTimingKeys[] = {
    {"CL", "read latency: READ command to first data (CL, or RL for LPDDR4)", true},
    {"CWL", "write latency: WRITE command to first data (CWL, or WL for LPDDR4)", true},
    {"tRCD", "ACTIVATE to READ/WRITE", true},
    {"tRP", "PRECHARGE period (per bank)", true},
    {"tRAS", "ACTIVATE to PRECHARGE, minimum", true},
    {"tRC", "ACTIVATE to ACTIVATE, same bank", true},
    {"tRRD", "ACTIVATE to ACTIVATE, different banks (DDR4: different bank groups, tRRD_S)", true},
    {"tRRD_L", "ACTIVATE to ACTIVATE in the same bank group (DDR4); default: tRRD", false},
    {"tFAW", "window in which at most four ACTIVATEs may be issued", true},
    {"tCCD", "CAS to CAS (DDR4: different bank groups, tCCD_S)", true},
    {"tCCD_L", "CAS to CAS in the same bank group (DDR4); default: tCCD", false},
    {"tWR", "write recovery: end of write data to PRECHARGE", true},
    {"tWTR", "end of write data to READ (DDR4: different bank groups, tWTR_S)", true},
    {"tWTR_L", "end of write data to READ in the same bank group (DDR4); default: tWTR", false},
    {"tRTP", "READ to PRECHARGE", true},
    {"tREFI", "average refresh interval (one all-bank REFRESH per tREFI)", true},
    {"tRFC", "REFRESH command period: the device is blocked this long", true},
};

// Every timing fits the model's 32-bit cycle fields; a slower clock than 1 us is no DRAM
// (and keeps cycle * tCK far below sc_time's 2^64 ps).
constexpr uint64_t kMaxTimingCycles = 0xFFFFFFFFull;
constexpr double kMaxTckPs = 1e6;

bool is_power_of_two(uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }

// "a + b + c" for messages.
std::string cycles_text(std::initializer_list<uint64_t> parts) {
    uint64_t sum = 0;
    for (uint64_t p : parts) sum += p;
    return std::to_string(sum) + " cycles";
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class Reader {
public:
    Reader(const Config& c, const std::string& prefix) : c_(c), prefix_(prefix) {}

    std::string key(const char* name) const { return prefix_ + "." + name; }

    [[noreturn]] void fail(const char* name, const std::string& what) const {
        const std::string k = key(name);
        std::ostringstream os;
        os << k;
        if (c_.is_set(k)) os << " = '" << c_.get_text(k) << "' (" << c_.origin(k) << ")";
        os << ": " << what;
        throw ConfigError(os.str());
    }
    void require(const char* name) const {
        if (!c_.is_set(key(name)))
            fail(name, "missing: the DRAM timing model needs it (set " + prefix_ +
                           ".preset to a file under platforms/ddr/, or give the key)");
    }
    uint64_t count(const char* name, bool power_of_two) const {
        require(name);
        const uint64_t v = c_.get_uint(key(name));
        if (v == 0) fail(name, "must be positive");
        if (power_of_two && !is_power_of_two(v)) fail(name, "must be a power of two");
        return v;
    }
    DramTime time(const char* name) const {
        try {
            return parse_dram_time(c_.get_string(key(name)));
        } catch (const std::invalid_argument& e) {
            fail(name, e.what());
        }
    }
    // In whole cycles of tck_ps; a time in ns is rounded up, as a controller programs it.
    // At most kMaxTimingCycles (checked before the conversion: 1e30 ns has no integer).
    uint32_t cycles(const char* name, uint64_t tck_ps) const {
        require(name);
        const DramTime t = time(name);
        // 1e-6 guards against 13.125 / 1.875 coming out as 7.0000000001.
        const double n = t.in_cycles ? static_cast<double>(t.cycles)
                                     : std::ceil(t.ps / static_cast<double>(tck_ps) - 1e-6);
        if (!(n <= static_cast<double>(kMaxTimingCycles)))
            fail(name, "is implausibly long: more than " + std::to_string(kMaxTimingCycles) +
                           " cycles of tCK (" + std::to_string(tck_ps) + " ps)");
        return static_cast<uint32_t>(n);
    }

private:
    const Config& c_;
    std::string prefix_;
};

// The model refreshes at fixed slots: every tREFI the device is blocked for tRP + tRFC and
// every bank is closed. An access whose CAS would fall at or after the next refresh start
// starts over after that refresh (re-activating its row), so each access needs a row
// opened right after a refresh to reach its CAS before the next refresh starts:
//   tRP + tRFC + (ACTIVATE-to-CAS) < tREFI.
// ACTIVATE-to-CAS is tRCD, and a repeated attempt's ACTIVATE also waits for the previous
// one's tRC, tRRD_L and tFAW, so those bound it too. If the sum reaches tREFI no attempt
// ever fits and DramTiming::access never returns (e.g. tRCD = 8 us with tREFI = 7.8 us).
void check_refresh_leaves_room(const Reader& r, const DramParams& d) {
    const uint64_t blocked = uint64_t{d.tRP} + d.tRFC;
    if (d.tREFI <= blocked)
        r.fail("tREFI", "must be longer than tRFC + tRP (" + cycles_text({d.tRFC, d.tRP}) +
                            ": the device would never leave refresh)");
    const struct {
        const char* name;
        uint32_t cycles;
    } act_to_cas[] = {{"tRCD", d.tRCD}, {"tRC", d.tRC}, {"tRRD_L", d.tRRD_L}, {"tFAW", d.tFAW}};
    for (const auto& k : act_to_cas)
        if (blocked + k.cycles >= d.tREFI)
            r.fail(k.name, std::string("tRP + tRFC + ") + k.name + " (" + cycles_text({d.tRP, d.tRFC, k.cycles}) +
                               ") must be shorter than tREFI (" + std::to_string(d.tREFI) +
                               " cycles): a row opened after a refresh must be read or written "
                               "before the next refresh starts");
}

}  // namespace

DramTime parse_dram_time(const std::string& raw) {
    std::string spaced;
    for (char ch : raw)
        if (ch != ' ' && ch != '\t') spaced += ch;
    const std::string text = strip_digit_separators(spaced);  // 7_800 ns; not 7__800, _7800
    std::size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' ||
                               text[i] == '-' || text[i] == '+' || text[i] == 'e' || text[i] == 'E'))
        ++i;
    // "7.8us": the 'e' scan above could eat nothing wrong here, since units never start with e.
    const std::string number = text.substr(0, i);
    const std::string unit = lower(text.substr(i));
    const char* expected = "expected a time with its unit: '13.125 ns', '7.8 us', '500 ps' or '4 ck'";
    if (number.empty() || unit.empty()) throw std::invalid_argument(expected);
    double v = 0;
    try {
        std::size_t used = 0;
        v = std::stod(number, &used);
        if (used != number.size()) throw std::invalid_argument(expected);
    } catch (const std::logic_error&) {
        throw std::invalid_argument(expected);
    }
    if (!std::isfinite(v)) throw std::invalid_argument(expected);
    if (v < 0) throw std::invalid_argument("must not be negative");
    DramTime t;
    if (unit == "ck" || unit == "nck" || unit == "tck" || unit == "cycles" || unit == "cycle") {
        if (v != std::floor(v)) throw std::invalid_argument("a count of clock cycles must be whole");
        if (v > static_cast<double>(kMaxTimingCycles))  // (before the conversion: 1e30 has no uint64_t)
            throw std::invalid_argument("is implausibly long: more than " + std::to_string(kMaxTimingCycles) +
                                        " clock cycles");
        t.in_cycles = true;
        t.cycles = static_cast<uint64_t>(v);
    } else if (unit == "ps") {
        t.ps = v;
    } else if (unit == "ns") {
        t.ps = v * 1e3;
    } else if (unit == "us") {
        t.ps = v * 1e6;
    } else {
        throw std::invalid_argument(expected);
    }
    return t;
}

void DramParams::declare(ConfigSchema& s, const std::string& p) {
    s.add_preset(p + ".preset",
                 "DRAM part preset: a file of this section's keys (platforms/ddr/*.cfg); "
                 "keys given beside it override the preset's");
    s.add_string(p + ".part", "", "DRAM part, for reports");
    s.add_string(p + ".tCK", "", "clock period, with unit ('1.875 ns')");
    s.add_uint(p + ".bus_width_bits", 0, "bits", "data bus width (power of two)", 0, 1024);
    s.add_uint(p + ".data_rate", 2, "transfers/clock", "data transfers per clock (2 = DDR)", 1, 4);
    s.add_uint(p + ".burst_length", 0, "transfers", "burst length (BL8, BL16)", 0, 64);
    s.add_uint(p + ".banks", 0, "banks", "banks per rank, bank groups included (power of two)", 0, 256);
    s.add_uint(p + ".bank_groups", 1, "groups", "bank groups (DDR4: 4); the low bank bits pick the group", 1, 64);
    s.add_uint(p + ".rows", 0, "rows", "rows per bank (power of two)", 0, 1u << 30);
    s.add_uint(p + ".columns", 0, "columns", "columns per row, one column = the bus width (power of two)", 0, 1u << 20);
    for (const TimingKey& k : kTimingKeys)
        s.add_string(p + "." + k.name, "", std::string(k.description) + " ('13.125 ns' or '7 ck')");
    s.add_string(p + ".mapping", "row_bank_column",
                 "address bits from high to low: row_bank_column (a row per bank, banks change "
                 "every row), bank_row_column (banks at the top: no interleaving), "
                 "row_column_bank (consecutive bursts rotate over the banks)",
                 {"row_bank_column", "bank_row_column", "row_column_bank"});
    s.add_bool(p + ".xor_bank", false, "bank index XOR the low row bits (permutation-based interleaving)");
    s.add_string(p + ".page_policy", "open",
                 "open: a row stays open until another row of its bank is needed; closed: "
                 "auto-precharge after each access's last burst to a row",
                 {"open", "closed"});
    s.add_bool(p + ".refresh", true, "all-bank refresh every tREFI, blocking the device for tRP + tRFC");
    s.add_string(p + ".arbitration", "round_robin",
                 "controller port arbitration: round_robin (ports equal: served in arrival "
                 "order) or fixed_priority (priority_port first, the others take what is left)",
                 {"round_robin", "fixed_priority"});
    s.add_string(p + ".priority_port", "hp0", "fixed_priority: the port served first (a port name)");
}

DramParams DramParams::from_config(const Config& c, const std::string& prefix) {
    const Reader r(c, prefix);
    DramParams d;
    d.part = c.get_string(prefix + ".part");

    r.require("tCK");
    const DramTime tck = r.time("tCK");
    if (tck.in_cycles) r.fail("tCK", "the clock period must be a time ('1.875 ns'), not cycles");
    if (!(tck.ps >= 1)) r.fail("tCK", "must be at least 1 ps");
    if (!(tck.ps <= kMaxTckPs)) r.fail("tCK", "must be at most 1 us (a DRAM clock of at least 1 MHz)");
    d.tck_ps = static_cast<uint64_t>(std::llround(tck.ps));

    d.bus_width_bits = static_cast<unsigned>(r.count("bus_width_bits", true));
    if (d.bus_width_bits < 8) r.fail("bus_width_bits", "must be at least 8");
    d.data_rate = static_cast<unsigned>(c.get_uint(prefix + ".data_rate"));
    if (!is_power_of_two(d.data_rate)) r.fail("data_rate", "must be 1, 2 or 4");
    d.burst_length = static_cast<unsigned>(r.count("burst_length", true));
    if (d.burst_length < d.data_rate) r.fail("burst_length", "must be at least data_rate");
    d.banks = static_cast<unsigned>(r.count("banks", true));
    d.bank_groups = static_cast<unsigned>(c.get_uint(prefix + ".bank_groups"));
    if (!is_power_of_two(d.bank_groups) || d.bank_groups > d.banks)
        r.fail("bank_groups", "must be a power of two, at most banks");
    d.rows = r.count("rows", true);
    d.columns = r.count("columns", true);
    if (d.columns < d.burst_length) r.fail("columns", "must hold at least one burst");

    auto cyc = [&](const char* name) -> uint32_t { return r.cycles(name, d.tck_ps); };
    auto optional_cyc = [&](const char* name, uint32_t fallback) -> uint32_t {
        return c.is_set(r.key(name)) ? cyc(name) : fallback;
    };
    d.CL = cyc("CL");
    d.CWL = cyc("CWL");
    d.tRCD = cyc("tRCD");
    d.tRP = cyc("tRP");
    d.tRAS = cyc("tRAS");
    d.tRC = cyc("tRC");
    d.tRRD = cyc("tRRD");
    d.tRRD_L = optional_cyc("tRRD_L", d.tRRD);
    d.tFAW = cyc("tFAW");
    d.tCCD = cyc("tCCD");
    d.tCCD_L = optional_cyc("tCCD_L", d.tCCD);
    d.tWR = cyc("tWR");
    d.tWTR = cyc("tWTR");
    d.tWTR_L = optional_cyc("tWTR_L", d.tWTR);
    d.tRTP = cyc("tRTP");
    d.tREFI = cyc("tREFI");
    d.tRFC = cyc("tRFC");
    if (d.CL == 0) r.fail("CL", "must be at least 1 cycle");
    if (d.tCCD == 0) r.fail("tCCD", "must be at least 1 cycle");
    if (d.tRC < d.tRAS) r.fail("tRC", "must be at least tRAS");

    const std::string order = c.get_string(prefix + ".mapping");
    d.order = order == "bank_row_column"   ? AddressOrder::BankRowColumn
              : order == "row_column_bank" ? AddressOrder::RowColumnBank
                                           : AddressOrder::RowBankColumn;
    d.xor_bank = c.get_bool(prefix + ".xor_bank");
    d.page_policy = c.get_string(prefix + ".page_policy") == "closed" ? PagePolicyKind::Closed
                                                                       : PagePolicyKind::Open;
    d.refresh = c.get_bool(prefix + ".refresh");
    if (d.refresh) check_refresh_leaves_room(r, d);
    d.arbitration = c.get_string(prefix + ".arbitration") == "fixed_priority"
                        ? ArbitrationKind::FixedPriority
                        : ArbitrationKind::RoundRobin;
    d.priority_port = c.get_string(prefix + ".priority_port");
    return d;
}

}  // namespace vp
