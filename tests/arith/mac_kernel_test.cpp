// The hand-vectorised MAC kernels (one, two and four columns) against the plain loop: every lane, the extreme
// weights and deltas (-128 x -32768 is the largest product), lengths that leave a
// vector or scalar tail, pointers off every alignment the kernels could assume, and
// accumulators that wrap modulo 2^32. A kernel the host cannot run is skipped.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "peripherals/edgedrnn/mac_kernel.h"

namespace {

using edgedrnn::MacColumnKernel;
using edgedrnn::MacPairKernel;
using edgedrnn::MacQuadKernel;

const unsigned kLengths[] = {0u,  1u,  7u,  8u,  9u,  15u, 16u,  17u,   31u,  32u,
                             33u, 47u, 63u, 64u, 65u, 97u, 768u, 2304u, 2311u};
// Start offsets: accumulators by whole elements (a uint32_t is 4-aligned), weights by bytes.
const unsigned kAccOffsets[] = {0u, 1u, 3u, 5u};
const unsigned kWeightOffsets[] = {0u, 1u, 7u, 13u};

void fill_weights(std::vector<int8_t>& w, std::mt19937& rng) {
    for (int8_t& x : w) x = static_cast<int8_t>(rng());
    // The extremes in the first, last and some middle lanes of every register width.
    for (std::size_t i = 0; i < w.size(); i += 29) w[i] = -128;
    for (std::size_t i = 5; i < w.size(); i += 31) w[i] = 127;
    if (!w.empty()) {
        w.front() = -128;
        w.back() = -128;
    }
}

void expect_same_as_scalar(MacColumnKernel kernel, const char* name) {
    std::mt19937 rng(7);
    const int16_t deltas[] = {0, 1, -1, 256, -256, 32767, -32768, 12345, -4321};
    for (unsigned n : kLengths)
        for (unsigned ao : kAccOffsets)
            for (unsigned wo : kWeightOffsets) {
                std::vector<int8_t> w(wo + n);
                fill_weights(w, rng);
                for (int16_t d : deltas) {
                    std::vector<uint32_t> want(ao + n + 1);
                    for (uint32_t& a : want) a = static_cast<uint32_t>(rng());
                    std::vector<uint32_t> got(want);
                    edgedrnn::mac_accumulate_scalar(want.data() + ao, w.data() + wo, d, n);
                    kernel(got.data() + ao, w.data() + wo, d, n);
                    ASSERT_EQ(want, got) << name << ": n = " << n << ", d = " << d << ", acc offset " << ao
                                         << ", weight offset " << wo;
                }
            }
}

// The pair kernels against two scalar passes.
void expect_pair_same_as_scalar(MacPairKernel kernel, const char* name) {
    std::mt19937 rng(9);
    const int16_t deltas[] = {0, 1, -1, 256, 32767, -32768, 4321};
    for (unsigned n : kLengths)
        for (unsigned ao : kAccOffsets)
            for (unsigned wo : kWeightOffsets) {
                // The two columns at different misalignments (wo and wo + 3).
                std::vector<int8_t> w1(wo + n), w2(wo + 3 + n);
                fill_weights(w1, rng);
                fill_weights(w2, rng);
                for (int16_t d1 : deltas)
                    for (int16_t d2 : {int16_t{-32768}, int16_t{32767}, int16_t{77}, int16_t{0}}) {
                        std::vector<uint32_t> want(ao + n + 1);
                        for (uint32_t& a : want) a = static_cast<uint32_t>(rng());
                        std::vector<uint32_t> got(want);
                        edgedrnn::mac_accumulate_scalar(want.data() + ao, w1.data() + wo, d1, n);
                        edgedrnn::mac_accumulate_scalar(want.data() + ao, w2.data() + wo + 3, d2, n);
                        kernel(got.data() + ao, w1.data() + wo, w2.data() + wo + 3, d1, d2, n);
                        ASSERT_EQ(want, got) << name << ": n = " << n << ", d1 = " << d1 << ", d2 = " << d2
                                             << ", acc offset " << ao << ", weight offset " << wo;
                    }
            }
}

// The quad kernels against four scalar passes.
void expect_quad_same_as_scalar(MacQuadKernel kernel, const char* name) {
    std::mt19937 rng(11);
    const int16_t deltas[][4] = {{-32768, -32768, -32768, -32768}, {32767, 32767, 32767, 32767},
                                 {1, -1, 256, 0},                  {-32768, 32767, 0, -4321},
                                 {0, 0, 0, 0},                     {77, -300, 12345, -32768}};
    for (unsigned n : kLengths)
        for (unsigned ao : kAccOffsets)
            for (unsigned wo : kWeightOffsets) {
                std::vector<int8_t> columns[4];
                const int8_t* w[4];
                for (unsigned k = 0; k < 4; ++k) {
                    columns[k].resize(wo + k + n);  // four different misalignments
                    fill_weights(columns[k], rng);
                    w[k] = columns[k].data() + wo + k;
                }
                for (const auto& d : deltas) {
                    std::vector<uint32_t> want(ao + n + 1);
                    for (uint32_t& a : want) a = static_cast<uint32_t>(rng());
                    std::vector<uint32_t> got(want);
                    for (unsigned k = 0; k < 4; ++k) edgedrnn::mac_accumulate_scalar(want.data() + ao, w[k], d[k], n);
                    kernel(got.data() + ao, w, d, n);
                    ASSERT_EQ(want, got) << name << ": n = " << n << ", d = " << d[0] << ", " << d[1] << ", "
                                         << d[2] << ", " << d[3] << ", acc offset " << ao << ", weight offset " << wo;
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

TEST(MacKernel, Avx512bwMatchesScalar) {
    if (!edgedrnn::host_has_avx512bw()) GTEST_SKIP() << "the host has no AVX-512BW";
    expect_same_as_scalar(&edgedrnn::mac_accumulate_avx512bw, "avx512bw");
}

TEST(MacKernel, DispatchedKernelMatchesScalar) {
    expect_same_as_scalar(edgedrnn::mac_kernels().column, edgedrnn::mac_kernels().name);
    expect_same_as_scalar(&edgedrnn::mac_accumulate, "mac_accumulate");
}

TEST(MacKernel, PairScalarMatchesTwoScalarPasses) {
    expect_pair_same_as_scalar(&edgedrnn::mac_accumulate_pair_scalar, "pair scalar");
}

TEST(MacKernel, PairSse2MatchesTwoScalarPasses) {
    expect_pair_same_as_scalar(&edgedrnn::mac_accumulate_pair_sse2, "pair sse2");
}

TEST(MacKernel, PairAvx2MatchesTwoScalarPasses) {
    if (!edgedrnn::host_has_avx2()) GTEST_SKIP() << "the host has no AVX2";
    expect_pair_same_as_scalar(&edgedrnn::mac_accumulate_pair_avx2, "pair avx2");
}

TEST(MacKernel, PairAvx512bwMatchesTwoScalarPasses) {
    if (!edgedrnn::host_has_avx512bw()) GTEST_SKIP() << "the host has no AVX-512BW";
    expect_pair_same_as_scalar(&edgedrnn::mac_accumulate_pair_avx512bw, "pair avx512bw");
}

TEST(MacKernel, DispatchedPairMatchesTwoScalarPasses) {
    expect_pair_same_as_scalar(edgedrnn::mac_kernels().pair, edgedrnn::mac_kernels().name);
    expect_pair_same_as_scalar(&edgedrnn::mac_accumulate_pair, "mac_accumulate_pair");
}

TEST(MacKernel, QuadScalarMatchesFourScalarPasses) {
    expect_quad_same_as_scalar(&edgedrnn::mac_accumulate_quad_scalar, "quad scalar");
}

TEST(MacKernel, QuadSse2MatchesFourScalarPasses) {
    expect_quad_same_as_scalar(&edgedrnn::mac_accumulate_quad_sse2, "quad sse2");
}

TEST(MacKernel, QuadAvx2MatchesFourScalarPasses) {
    if (!edgedrnn::host_has_avx2()) GTEST_SKIP() << "the host has no AVX2";
    expect_quad_same_as_scalar(&edgedrnn::mac_accumulate_quad_avx2, "quad avx2");
}

TEST(MacKernel, QuadAvx512bwMatchesFourScalarPasses) {
    if (!edgedrnn::host_has_avx512bw()) GTEST_SKIP() << "the host has no AVX-512BW";
    expect_quad_same_as_scalar(&edgedrnn::mac_accumulate_quad_avx512bw, "quad avx512bw");
}

TEST(MacKernel, DispatchedQuadMatchesFourScalarPasses) {
    expect_quad_same_as_scalar(edgedrnn::mac_kernels().quad, edgedrnn::mac_kernels().name);
}

// The widest kernel this host has is the one chosen (valgrind hides AVX-512 from the
// CPUID, so under it this is AVX2).
TEST(MacKernel, DispatchPicksTheWidestInstructionSet) {
    const std::string expected = edgedrnn::host_has_avx512bw() ? "avx512bw"
                                 : edgedrnn::host_has_avx2()     ? "avx2"
                                                                 : "sse2";
    EXPECT_EQ(edgedrnn::mac_kernels().name, expected);
}

}  // namespace
