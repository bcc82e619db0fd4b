// Wall time of each MAC kernel on the paper network's columns (3H = 2304 weights), in
// ns per column: callgrind cannot run the AVX-512 kernels, so their gain is measured
// here. Not a test: it prints figures. Run pinned, on an otherwise idle core:
//   taskset -c 0 <build>/tests/mac_kernel_bench [runs, default 100]
// Two weight sets: the same columns over and over (weights in L1), and a 4.7 MB pool of
// columns visited in turn (weights from L2/L3 or memory, as in a simulation). The
// accumulators (one column's rows) stay in L1 either way, as in the datapath.
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
constexpr unsigned kWidths[] = {1, 2, 4};  // columns per kernel call: column, pair, quad

struct Kernel {
    const char* name;
    MacKernels kernels;
    bool available;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One run of kColumnsPerRun columns, `width` per call, in ns per column. `columns` is
// `width` (the same columns over and over) or kPoolColumns.
double time_kernel(const MacKernels& k, unsigned width, const std::vector<int8_t>& weights, unsigned columns,
                   std::vector<uint32_t>& acc) {
    unsigned c = 0;
    const auto start = std::chrono::steady_clock::now();
    for (unsigned i = 0; i < kColumnsPerRun; i += width) {
        const int8_t* w[4];
        int16_t d[4];
        for (unsigned j = 0; j < 4; ++j) {
            w[j] = weights.data() + static_cast<std::size_t>(c + j) * kRows;
            d[j] = static_cast<int16_t>((i + j) * 37 + 1);
        }
        if (width == 1)
            k.column(acc.data(), w[0], d[0], kRows);
        else if (width == 2)
            k.pair(acc.data(), w[0], w[1], d[0], d[1], kRows);
        else
            k.quad(acc.data(), w, d, kRows);
        c += width;
        if (c >= columns) c = 0;
    }
    return seconds_since(start) * 1e9 / kColumnsPerRun;
}

}  // namespace

int main(int argc, char** argv) {
    const unsigned runs = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 100;
    std::mt19937 rng(1);
    std::vector<int8_t> weights(static_cast<std::size_t>(kPoolColumns + 3) * kRows);
    for (int8_t& w : weights) w = static_cast<int8_t>(rng());
    std::vector<uint32_t> acc(kRows, 0);

    const Kernel kernels[] = {
        {"scalar", {&mac_accumulate_scalar, &mac_accumulate_pair_scalar, &mac_accumulate_quad_scalar, ""}, true},
        {"sse2", {&mac_accumulate_sse2, &mac_accumulate_pair_sse2, &mac_accumulate_quad_sse2, ""}, true},
        {"avx2", {&mac_accumulate_avx2, &mac_accumulate_pair_avx2, &mac_accumulate_quad_avx2, ""}, host_has_avx2()},
        {"avx512bw",
         {&mac_accumulate_avx512bw, &mac_accumulate_pair_avx512bw, &mac_accumulate_quad_avx512bw, ""},
         host_has_avx512bw()},
    };
    std::printf("MAC kernels on %u-row columns, ns per column, best of %u runs of %u columns; "
                "dispatched here: %s\n",
                kRows, runs, kColumnsPerRun, mac_kernels().name);
    // best[kernel][width][pool], ns per column.
    constexpr unsigned kKernels = sizeof(kernels) / sizeof(kernels[0]);
    double best[kKernels][3][2];
    for (auto& k : best)
        for (auto& width : k) width[0] = width[1] = 1e30;
    for (unsigned r = 0; r < runs; ++r)
        for (unsigned k = 0; k < kKernels; ++k)
            for (unsigned wi = 0; wi < 3; ++wi)
                for (unsigned pool = 0; pool < 2; ++pool)
                    if (kernels[k].available)
                        best[k][wi][pool] =
                            std::min(best[k][wi][pool], time_kernel(kernels[k].kernels, kWidths[wi], weights,
                                                                    pool ? kPoolColumns : kWidths[wi], acc));
    std::printf("%-10s %10s %10s %10s %10s %10s %10s\n", "kernel", "column L1", "pool", "pair L1", "pool",
                "quad L1", "pool");
    for (unsigned k = 0; k < kKernels; ++k) {
        if (!kernels[k].available) {
            std::printf("%-10s (the host lacks this instruction set)\n", kernels[k].name);
            continue;
        }
        std::printf("%-10s", kernels[k].name);
        for (unsigned wi = 0; wi < 3; ++wi) std::printf(" %10.1f %10.1f", best[k][wi][0], best[k][wi][1]);
        std::printf("\n");
    }
    // Keeps the accumulators (and so the kernels' work) observable.
    uint32_t sum = 0;
    for (uint32_t a : acc) sum += a;
    std::printf("(checksum %08x)\n", sum);
    return 0;
}
