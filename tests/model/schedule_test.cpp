// The cycle model of one layer (SPEC 5.4) against its closed forms. Ideal memory: the
// last beat of a column of `beats` beats commanded at cycle a arrives at a + beats.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "peripherals/edgedrnn/layer_schedule.h"

using edgedrnn::LayerSchedule;

namespace {

// Runs one layer whose passing items sit at `passing` scan positions (sorted); markers
// are added for x[I-1] and h[H-1] when they do not pass. Returns cycles BIAS to next BIAS.
int64_t layer_cycles(unsigned inputs, unsigned hidden, const std::vector<unsigned>& passing,
                     int64_t latency = 1, unsigned fifo = 32, unsigned queue = 4) {
    LayerSchedule s(fifo, queue);
    const int64_t bias = 100;
    s.begin(bias);
    const unsigned beats = 3 * hidden / 8;
    const unsigned last_x = inputs, last_h = inputs + 3 + hidden - 1;
    auto passes = [&](unsigned p) { return std::find(passing.begin(), passing.end(), p) != passing.end(); };
    for (unsigned p = 0; p <= last_h; ++p) {
        const bool is_item = p == 0 || (p >= 1 && p <= last_x) || (p >= inputs + 3);
        if (!is_item) continue;
        if (passes(p)) {
            const int64_t e = s.push_job(p);
            const int64_t a = s.command_cycle(e);
            s.finish_column(a, a + latency - 1 + beats, beats);
        } else if (p == last_x || p == last_h) {
            s.finish_marker(s.push_job(p));
        }
    }
    const unsigned groups = hidden / 8;
    return s.activation_start(inputs, hidden) + 5 * (groups + 1) + 1 - bias;
}

}  // namespace

TEST(LayerSchedule, EncoderBoundLayerTakesIPlusHPlus5GPlus16) {
    for (unsigned i : {8u, 16u, 40u, 128u})
        for (unsigned h : {16u, 64u, 256u})
            EXPECT_EQ(layer_cycles(i, h, {}), i + h + 5 * (h / 8) + 16) << "I=" << i << " H=" << h;
}

TEST(LayerSchedule, MacBoundLayerMatchesSpecExample136Cycles) {
    // SPEC 5.4: tb step 2, layer 1: first column at p0 = 3, N = 18 columns, G = 2, one
    // marker after the first column -> 3 + 6*18 + 10 + 14 + 1 = 136 cycles.
    std::vector<unsigned> passing;
    for (unsigned p = 3; p <= 8; ++p) passing.push_back(p);        // x_2 .. x_7
    for (unsigned p = 11; p <= 22; ++p) passing.push_back(p);      // h_0 .. h_11
    EXPECT_EQ(layer_cycles(8, 16, passing), 136);
}

TEST(LayerSchedule, MacBoundClosedFormWithoutMarkers) {
    // Every item passes: N = 1 + I + H columns from p0 = 0: 3G*N + 5G + 14.
    const unsigned i = 16, h = 32, g = h / 8;
    std::vector<unsigned> passing{0};
    for (unsigned j = 0; j < i; ++j) passing.push_back(1 + j);
    for (unsigned j = 0; j < h; ++j) passing.push_back(i + 3 + j);
    const unsigned n = 1 + i + h;
    EXPECT_EQ(layer_cycles(i, h, passing), 3 * g * n + 5 * g + 14);
}

TEST(LayerSchedule, FullFifoStallsTheEncoderWithoutChangingAMacBoundLayer) {
    // 48 jobs of 96 beats each: the FIFO fills; the MAC stays the bottleneck.
    const unsigned i = 16, h = 256, g = h / 8;
    std::vector<unsigned> passing;
    for (unsigned j = 0; j < i; ++j) passing.push_back(1 + j);
    for (unsigned j = 0; j < 32; ++j) passing.push_back(i + 3 + j);
    // 48 columns from p0 = 1, one hidden marker after the first column.
    EXPECT_EQ(layer_cycles(i, h, passing), 1 + 3 * g * 48 + 5 * g + 14 + 1);
    LayerSchedule s(32, 4);
    s.begin(0);
    for (unsigned n = 0; n < 40; ++n) {
        const int64_t e = s.push_job(1 + n);
        const int64_t a = s.command_cycle(e);
        s.finish_column(a, a + 3 * g, 3 * g);
    }
    EXPECT_GT(s.stall_cycles(), 0);
}

TEST(LayerSchedule, FetchLatencyDelaysTheFirstBeatOnly) {
    // With a latency of L cycles to the first beat, a lone column costs L - 1 more cycles.
    const unsigned i = 8, h = 16;
    const int64_t base = layer_cycles(i, h, {1});
    // Lone column at p = 1 (I = 8, H = 16, 6 beats): commanded at B + 5, first beat at
    // B + 25, ends B + 31; the x7 and h15 markers follow at B + 32 and B + 33, so
    // A = B + 36 instead of B + 34: 2 cycles more, the rest hides behind the scan.
    EXPECT_EQ(layer_cycles(i, h, {1}, 20) - base, 2);
    std::vector<unsigned> many;
    for (unsigned j = 0; j < h; ++j) many.push_back(i + 3 + j);
    EXPECT_EQ(layer_cycles(i, h, many, 20) - layer_cycles(i, h, many, 1), 19);
}

// Jobs may enter the FIFOs before earlier ones are fetched, as far as the FIFO rule has
// the ends it needs (the model enters a whole scan ahead of its fetches): every e_n, s_n,
// stall and the activation start are those of entering and finishing job by job.
TEST(LayerSchedule, EnteringAheadOfTheFetchesChangesNoCycle) {
    for (const unsigned fifo : {1u, 3u, 8u, 32u}) {
        const unsigned beats = 12, jobs = 60;
        auto arrival = [](unsigned n, int64_t command) { return command + 7 + (n * 37) % 23; };
        LayerSchedule one(fifo, 4), ahead(fifo, 4);
        one.begin(100);
        ahead.begin(100);
        std::vector<int64_t> e1, s1, e2, s2;
        for (unsigned n = 0; n < jobs; ++n) {
            e1.push_back(one.push_job(2 * n));
            const int64_t a = one.command_cycle(e1.back());
            s1.push_back(one.finish_column(a, arrival(n, a), beats));
        }
        unsigned fetched = 0;
        auto fetch = [&] {
            const int64_t a = ahead.command_cycle(e2[fetched]);
            s2.push_back(ahead.finish_column(a, arrival(fetched, a), beats));
            ++fetched;
        };
        for (unsigned n = 0; n < jobs; ++n) {
            while (!ahead.end_known_for_next_push()) fetch();
            e2.push_back(ahead.push_job(2 * n));
        }
        while (fetched < jobs) fetch();
        EXPECT_EQ(e1, e2) << "fifo " << fifo;
        EXPECT_EQ(s1, s2) << "fifo " << fifo;
        EXPECT_EQ(one.stall_cycles(), ahead.stall_cycles()) << "fifo " << fifo;
        EXPECT_EQ(one.activation_start(8, 2 * jobs), ahead.activation_start(8, 2 * jobs)) << "fifo " << fifo;
        EXPECT_GT(one.stall_cycles(), 0) << "fifo " << fifo << ": the FIFO rule must bite";
    }
}
