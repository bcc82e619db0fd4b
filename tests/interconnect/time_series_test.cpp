// The bandwidth time series (vp/stats/time_series.h), which the interconnect feeds on
// every transaction: its windows against a reference that spreads every transfer with
// the same arithmetic into a plain vector, bit for bit, through the fast path (the
// current window), window changes, spans, gaps (sparse blocks) and going back in time.
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <vector>

#include "vp/stats/stats.h"
#include "vp/stats/time_series.h"

namespace {

struct Reference {
    uint64_t window_ps;
    std::vector<double> values;
    void add(uint64_t start, uint64_t end, double amount) {
        const uint64_t first = start / window_ps;
        if (end <= start || (end - 1) / window_ps == first) return at(first) += amount, void();
        const double per_ps = amount / static_cast<double>(end - start);
        for (uint64_t w = first; w <= (end - 1) / window_ps; ++w) {
            const uint64_t lo = std::max(start, w * window_ps);
            const uint64_t hi = std::min(end, (w + 1) * window_ps);
            at(w) += per_ps * static_cast<double>(hi - lo);
        }
    }
    double& at(uint64_t w) {
        if (w >= values.size()) values.resize(w + 1, 0.0);
        return values[w];
    }
};

void expect_same(const vp::TimeSeries& s, const Reference& r) {
    ASSERT_EQ(s.windows(), r.values.size());
    for (uint64_t w = 0; w < r.values.size(); ++w) ASSERT_EQ(s.value(w), r.values[w]) << "window " << w;
    EXPECT_EQ(s.value(r.values.size() + 1000), 0.0);
}

TEST(TimeSeries, SpreadsATransferOverTheWindowsItSpans) {
    vp::TimeSeries s("x", 1000);
    s.add(500, 2500, 2000.0);  // 500 ps in window 0, 1000 in 1, 500 in 2
    EXPECT_EQ(s.windows(), 3u);
    EXPECT_EQ(s.value(0), 500.0);
    EXPECT_EQ(s.value(1), 1000.0);
    EXPECT_EQ(s.value(2), 500.0);
    s.add(2600, 2900, 7.0);  // inside the window the last one ended in
    EXPECT_EQ(s.value(2), 507.0);
    s.add(3000, 3000, 1.0);  // zero length: its start's window
    EXPECT_EQ(s.value(3), 1.0);
}

TEST(TimeSeries, MatchesTheReferenceBitForBit) {
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 50; ++trial) {
        const uint64_t window = 1 + rng() % 20000;
        vp::TimeSeries s("x", window);
        Reference r{window, {}};
        uint64_t t = rng() % 100000;
        for (int i = 0; i < 2000; ++i) {
            uint64_t start, end;
            switch (rng() % 8) {
            case 0: case 1: case 2: case 3:  // back to back, as a streaming master
                start = t + rng() % 3000; end = start + 1 + rng() % 5000; t = end; break;
            case 4: case 5:  // behind the last one (another initiator's local time)
                start = t > 20000 ? t - rng() % 20000 : t; end = start + 1 + rng() % 30000; break;
            case 6:  // a long gap: windows (and blocks) without data
                start = t + rng() % 2000000; end = start + 1 + rng() % 100000; break;
            default:  // zero length
                start = t + rng() % 1000; end = start; break;
            }
            const double amount = static_cast<double>(1 + rng() % 3000) * (rng() % 2 ? 1.0 : 0.37);
            s.add(start, end, amount);
            r.add(start, end, amount);
        }
        expect_same(s, r);
    }
}

TEST(TimeSeries, CsvHasOneRowPerFinestWindow) {
    vp::Stats stats;
    vp::TimeSeries a("a", 1000), b("b", 2000);
    vp::TimeSeriesRegistry& reg = vp::TimeSeriesRegistry::of(stats);
    reg.add(&a);
    reg.add(&b);
    a.add(0, 1000, 1.0);
    b.add(2000, 4000, 4.0);  // b's second window, shown on two rows of a's grid
    std::ostringstream csv;
    reg.write_csv(csv);
    EXPECT_EQ(csv.str(),
              "window_start_us,a_per_s,b_per_s\n"
              "0,1e+09,0\n"
              "0.001,0,0\n"
              "0.002,0,2e+09\n"
              "0.003,0,2e+09\n");
    reg.remove(&a);
    reg.remove(&b);
    EXPECT_TRUE(reg.empty());
}

// Bounded memory: a transfer ending past kMaxWindows windows is dropped (counted, warned
// once), not stored: a 1 ns window on a 7 s run once took 5 GB.
TEST(TimeSeries, DropsTransfersPastTheWindowCap) {
    const uint64_t cap = vp::TimeSeries::kMaxWindows;
    vp::TimeSeries s("x", 1000, "hp.bandwidth_window_ns");
    s.add(0, 1000, 1.0);
    s.add((cap - 1) * 1000, cap * 1000, 2.0);  // the last window kept
    EXPECT_EQ(s.windows(), cap);
    EXPECT_EQ(s.dropped(), 0u);
    s.add(cap * 1000 - 500, cap * 1000 + 500, 4.0);  // ends past the cap
    s.add(uint64_t{1} << 50, (uint64_t{1} << 50) + 1000, 8.0);  // far beyond it
    EXPECT_EQ(s.dropped(), 2u);
    EXPECT_EQ(s.windows(), cap);
    EXPECT_EQ(s.value(cap - 1), 2.0);
    EXPECT_EQ(s.value(0), 1.0);
}

// Runs of windows empty in every series are written as their first and last row; the
// rows left are each one window, so the sums the CSV gives are the same.
TEST(TimeSeries, CsvShortensRunsOfEmptyWindows) {
    vp::Stats stats;
    vp::TimeSeries a("a", 1000);
    vp::TimeSeriesRegistry& reg = vp::TimeSeriesRegistry::of(stats);
    reg.add(&a);
    a.add(0, 1000, 1.0);
    a.add(6000, 7000, 2.0);  // windows 1..5 empty
    std::ostringstream csv;
    reg.write_csv(csv);
    EXPECT_EQ(csv.str(),
              "window_start_us,a_per_s\n"
              "0,1e+09\n"
              "0.001,0\n"
              "0.005,0\n"
              "0.006,2e+09\n");
    reg.remove(&a);
}

}  // namespace
