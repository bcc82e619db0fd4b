// The data bus carries one transfer at a time: however the model reorders commands
// (ACTs placed before earlier CASes, transfers using gaps before earlier bookings), the
// data of two transactions never overlaps. Random reads from banks all over the device,
// all ready at once, make the model place commands out of order; each 64-byte read is one
// run, so its data is [end - data phase, end).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "tests/dram/dram_bench.h"
#include "tests/dram/shipped_presets.h"

using namespace dram_test;

namespace {

class DataBus : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(DataBus, TransactionsNeverShareIt) {
    const vp::DramParams p = params(GetParam());
    auto dram = make_dram(GetParam());
    const uint64_t bytes = 64;
    const uint64_t span = std::min<uint64_t>(p.capacity_bytes(), 512ull << 20);
    uint64_t lcg = 99;
    std::vector<std::pair<uint64_t, uint64_t>> data;  // [start, end) in time units
    for (unsigned i = 0; i < 20000; ++i) {
        lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
        const uint64_t address = ((lcg >> 16) % (span / bytes)) * bytes;
        const sc_core::sc_time arrival = sc_core::sc_time(static_cast<double>(i / 64), sc_core::SC_NS);
        const sc_core::sc_time end = arrival + dram->access(0, false, address, bytes, arrival);
        data.emplace_back((end - dram->last_data_time()).value(), end.value());
    }
    std::sort(data.begin(), data.end());
    unsigned overlaps = 0;
    for (std::size_t i = 1; i < data.size(); ++i)
        if (data[i].first < data[i - 1].second) {
            if (overlaps++ < 3)
                ADD_FAILURE() << GetParam() << ": data [" << data[i].first << ", " << data[i].second
                              << ") overlaps [" << data[i - 1].first << ", " << data[i - 1].second << ") (ps)";
        }
    EXPECT_EQ(overlaps, 0u);
}

INSTANTIATE_TEST_SUITE_P(Presets, DataBus, shipped_presets(), preset_test_name);
