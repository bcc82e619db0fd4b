// The hand-vectorised MAC kernels against the plain loop: every lane, the extreme
// weights and deltas (-128 x -32768 is the largest product), and lengths that leave a
// scalar tail, with accumulators that wrap modulo 2^32.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "peripherals/edgedrnn/mac_kernel.h"

namespace {

using Kernel = void (*)(uint32_t*, const int8_t*, int16_t, unsigned);

void expect_same_as_scalar(Kernel kernel, const char* name) {
    std::mt19937 rng(7);
    const int16_t deltas[] = {0, 1, -1, 256, -256, 32767, -32768, 12345, -4321};
    for (unsigned n : {0u, 1u, 7u, 8u, 15u, 16u, 17u, 33u, 768u, 2304u}) {
        std::vector<int8_t> w(n);
        for (unsigned i = 0; i < n; ++i) w[i] = static_cast<int8_t>(rng());
        if (n > 1) {
            w[0] = -128;
            w[n - 1] = 127;
        }
        for (int16_t d : deltas) {
            std::vector<uint32_t> want(n), got(n);
            for (unsigned i = 0; i < n; ++i) want[i] = got[i] = static_cast<uint32_t>(rng());
            edgedrnn::mac_accumulate_scalar(want.data(), w.data(), d, n);
            kernel(got.data(), w.data(), d, n);
            ASSERT_EQ(want, got) << name << ": n = " << n << ", d = " << d;
        }
    }
}

TEST(MacKernel, ScalarMatchesTheDefinition) {
    uint32_t acc[2] = {0xFFFFFFFFu, 5};
    const int8_t w[2] = {-128, 3};
    edgedrnn::mac_accumulate_scalar(acc, w, -32768, 2);
    EXPECT_EQ(acc[0], 0xFFFFFFFFu + 4194304u);  // -128 * -32768 = 2^22, modulo 2^32
    EXPECT_EQ(acc[1], static_cast<uint32_t>(5 - 3 * 32768));
}

TEST(MacKernel, Sse2MatchesScalar) { expect_same_as_scalar(&edgedrnn::mac_accumulate_sse2, "sse2"); }

TEST(MacKernel, Avx2MatchesScalar) {
    if (!edgedrnn::host_has_avx2()) GTEST_SKIP() << "the host has no AVX2";
    expect_same_as_scalar(&edgedrnn::mac_accumulate_avx2, "avx2");
}

TEST(MacKernel, DispatchedKernelMatchesScalar) {
    expect_same_as_scalar(&edgedrnn::mac_accumulate, "dispatched");
}

// The pair kernels against two scalar passes.
using PairKernel = void (*)(uint32_t*, const int8_t*, const int8_t*, int16_t, int16_t, unsigned);

void expect_pair_same_as_scalar(PairKernel kernel, const char* name) {
    std::mt19937 rng(9);
    const int16_t deltas[] = {0, 1, -1, 256, 32767, -32768, 4321};
    for (unsigned n : {0u, 1u, 7u, 8u, 15u, 16u, 17u, 33u, 768u, 2304u}) {
        std::vector<int8_t> w1(n), w2(n);
        for (unsigned i = 0; i < n; ++i) {
            w1[i] = static_cast<int8_t>(rng());
            w2[i] = static_cast<int8_t>(rng());
        }
        if (n > 1) w1[0] = w2[0] = -128;  // -128 x -32768 twice: the largest sum, 2^23
        for (int16_t d1 : deltas)
            for (int16_t d2 : {int16_t{-32768}, int16_t{77}, int16_t{0}}) {
                std::vector<uint32_t> want(n), got(n);
                for (unsigned i = 0; i < n; ++i) want[i] = got[i] = static_cast<uint32_t>(rng());
                edgedrnn::mac_accumulate_scalar(want.data(), w1.data(), d1, n);
                edgedrnn::mac_accumulate_scalar(want.data(), w2.data(), d2, n);
                kernel(got.data(), w1.data(), w2.data(), d1, d2, n);
                ASSERT_EQ(want, got) << name << ": n = " << n << ", d1 = " << d1 << ", d2 = " << d2;
            }
    }
}

TEST(MacKernel, PairSse2MatchesTwoScalarPasses) {
    expect_pair_same_as_scalar(&edgedrnn::mac_accumulate_pair_sse2, "pair sse2");
}

TEST(MacKernel, PairAvx2MatchesTwoScalarPasses) {
    if (!edgedrnn::host_has_avx2()) GTEST_SKIP() << "the host has no AVX2";
    expect_pair_same_as_scalar(&edgedrnn::mac_accumulate_pair_avx2, "pair avx2");
}

TEST(MacKernel, DispatchedPairMatchesTwoScalarPasses) {
    expect_pair_same_as_scalar(&edgedrnn::mac_accumulate_pair, "pair dispatched");
}

}  // namespace
