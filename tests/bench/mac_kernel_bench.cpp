// Wall time of each MAC kernel on the paper network's columns (3H = 2304 weights), in
// ns per column: callgrind cannot run the AVX-512 kernels, so their gain is measured
// here. Not a test: it prints figures. Run pinned, on an otherwise idle core:
//   taskset -c 0 <build>/tests/mac_kernel_bench [runs, default 100]
// Two weight sets: the same two columns over and over (weights in L1), and a 4.7 MB
// pool of columns visited in turn (weights from L2/L3 or memory, as in a simulation).
// The accumulators (one column's rows) stay in L1 either way, as in the datapath.
// Short runs, the kernels in turn, the best of many: on a shared machine that finds the
// quiet moments for every kernel alike.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "peripherals/edgedrnn/mac_kernel.h"

namespace {

using namespace edgedrnn;

constexpr unsigned kRows = 2304;         // 3H for H = 768
constexpr unsigned kPoolColumns = 2048;  // 4.7 MB of weights
constexpr unsigned kColumnsPerRun = 4000;

struct Kernel {
    const char* name;
    MacColumnKernel column;
    MacPairKernel pair;
    bool available;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One run of kColumnsPerRun columns, in ns per column. `columns` is 1 (column 0, or the
// pair of columns 0 and 1, over and over) or kPoolColumns.
double time_kernel(const Kernel& k, bool pair, const std::vector<int8_t>& weights, unsigned columns,
                   std::vector<uint32_t>& acc) {
    unsigned c = 0;
    const auto start = std::chrono::steady_clock::now();
    for (unsigned i = 0; i < kColumnsPerRun; i += pair ? 2 : 1) {
        const int8_t* w1 = weights.data() + static_cast<std::size_t>(c) * kRows;
        const int8_t* w2 = weights.data() + static_cast<std::size_t>(c + 1) * kRows;
        const auto d1 = static_cast<int16_t>(i * 37 + 1), d2 = static_cast<int16_t>(i * 91 - 5);
        if (pair)
            k.pair(acc.data(), w1, w2, d1, d2, kRows);
        else
            k.column(acc.data(), w1, d1, kRows);
        c += pair ? 2 : 1;
        if (c >= columns) c = 0;
    }
    return seconds_since(start) * 1e9 / kColumnsPerRun;
}

}  // namespace

int main(int argc, char** argv) {
    const unsigned runs = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 100;
    std::mt19937 rng(1);
    std::vector<int8_t> weights(static_cast<std::size_t>(kPoolColumns + 1) * kRows);
    for (int8_t& w : weights) w = static_cast<int8_t>(rng());
    std::vector<uint32_t> acc(kRows, 0);

    const Kernel kernels[] = {
        {"scalar", &mac_accumulate_scalar, &mac_accumulate_pair_scalar, true},
        {"sse2", &mac_accumulate_sse2, &mac_accumulate_pair_sse2, true},
        {"avx2", &mac_accumulate_avx2, &mac_accumulate_pair_avx2, host_has_avx2()},
        {"avx512bw", &mac_accumulate_avx512bw, &mac_accumulate_pair_avx512bw, host_has_avx512bw()},
    };
    std::printf("MAC kernels on %u-row columns, ns per column, best of %u runs of %u columns; "
                "dispatched here: %s\n",
                kRows, runs, kColumnsPerRun, mac_kernels().name);
    // best[kernel][pair][pool], ns per column.
    constexpr unsigned kKernels = sizeof(kernels) / sizeof(kernels[0]);
    double best[kKernels][2][2];
    for (auto& k : best)
        for (auto& p : k) p[0] = p[1] = 1e30;
    for (unsigned r = 0; r < runs; ++r)
        for (unsigned k = 0; k < kKernels; ++k)
            for (unsigned pair = 0; pair < 2; ++pair)
                for (unsigned pool = 0; pool < 2; ++pool)
                    if (kernels[k].available)
                        best[k][pair][pool] = std::min(best[k][pair][pool],
                                                       time_kernel(kernels[k], pair, weights, pool ? kPoolColumns : 1, acc));
    std::printf("%-12s %12s %12s %12s %12s\n", "kernel", "single L1", "single pool", "pair L1", "pair pool");
    for (unsigned k = 0; k < kKernels; ++k) {
        if (!kernels[k].available) {
            std::printf("%-12s (the host lacks this instruction set)\n", kernels[k].name);
            continue;
        }
        std::printf("%-12s %12.1f %12.1f %12.1f %12.1f\n", kernels[k].name, best[k][0][0], best[k][0][1],
                    best[k][1][0], best[k][1][1]);
    }
    // Keeps the accumulators (and so the kernels' work) observable.
    uint32_t sum = 0;
    for (uint32_t a : acc) sum += a;
    std::printf("(checksum %08x)\n", sum);
    return 0;
}
