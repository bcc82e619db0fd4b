// SPEC 4.2: rnd(v, s) = round half to even of v / 2^s, 24-bit add, low 16 bits kept.
#include <gtest/gtest.h>

#include <cstdint>

#include "tests/arith/implementations.h"

namespace {

using arith_test::ArithImpl;

class Rounding : public ::testing::TestWithParam<ArithImpl> {};

struct RoundCase {
    int32_t v24;
    unsigned s;
    int16_t expected;
};

// Hand-computed: v / 2^s with the fraction noted.
TEST_P(Rounding, TiesGoToEvenInBothDirections) {
    const RoundCase cases[] = {
        {64, 7, 0},      // +0.5 -> 0
        {192, 7, 2},     // +1.5 -> 2
        {320, 7, 2},     // +2.5 -> 2
        {448, 7, 4},     // +3.5 -> 4
        {-64, 7, 0},     // -0.5 -> 0
        {-192, 7, -2},   // -1.5 -> -2
        {-320, 7, -2},   // -2.5 -> -2
        {-448, 7, -4},   // -3.5 -> -4
        {128, 8, 0},     // +0.5 -> 0
        {384, 8, 2},     // +1.5 -> 2
        {640, 8, 2},     // +2.5 -> 2
        {-128, 8, 0},    // -0.5 -> 0
        {-384, 8, -2},   // -1.5 -> -2
        {-640, 8, -2},   // -2.5 -> -2
    };
    for (const auto& c : cases)
        EXPECT_EQ(GetParam().rnd(c.v24, c.s), c.expected) << "v=" << c.v24 << " s=" << c.s;
}

TEST_P(Rounding, NonTiesGoToNearest) {
    const RoundCase cases[] = {
        {63, 7, 0},      // 0.492 -> 0
        {65, 7, 1},      // 0.508 -> 1
        {-63, 7, 0},     // -0.492 -> 0
        {-65, 7, -1},    // -0.508 -> -1
        {127, 8, 0},     // 0.496 -> 0
        {129, 8, 1},     // 0.504 -> 1
        {-129, 8, -1},   // -0.504 -> -1
        {256 * 100 + 200, 8, 101},  // 100.78 -> 101
        {0, 7, 0},
        {-1, 8, 0},      // -0.004 -> 0
    };
    for (const auto& c : cases)
        EXPECT_EQ(GetParam().rnd(c.v24, c.s), c.expected) << "v=" << c.v24 << " s=" << c.s;
}

// The rounding add can carry into bit 23 (24-bit wrap) and the quotient keeps only its
// low 16 bits.
TEST_P(Rounding, WrapsAt24BitsAndKeepsLow16BitsOfQuotient) {
    const RoundCase cases[] = {
        {0x7FFFFF, 8, -32768},  // 32767.996 rounds to 32768: the add carries into bit 23
        {0x7FFF80, 8, -32768},  // tie 32767.5 -> even 32768 -> wraps to -32768
        {0x7FFF7F, 8, 32767},   // just below the tie
        {-0x800000, 8, -32768}, // most negative accumulator, exact
        {0x7FFFFF, 7, 0},       // 65535.99 -> 65536 -> low 16 bits 0
        {0x3FFFC0, 7, -32768},  // tie 32767.5 -> 32768 -> wraps
        {0x3FFFBF, 7, 32767},
        {0x400000, 7, -32768},  // exactly 32768
        {-0x800000, 7, 0},      // -65536 -> low 16 bits 0
        {-0x400040, 7, -32768}, // tie -32768.5 -> even -32768
        {-0x400041, 7, 32767},  // -32768.51 -> -32769 -> wraps to +32767
    };
    for (const auto& c : cases)
        EXPECT_EQ(GetParam().rnd(c.v24, c.s), c.expected) << "v=" << c.v24 << " s=" << c.s;
}

// Independent definition: exact round-half-even of v / 2^s, then the low 16 bits.
int16_t round_half_even_low16(int32_t v, unsigned s) {
    const int64_t divisor = int64_t{1} << s;
    int64_t q = v >= 0 ? v / divisor : -((-int64_t{v} + divisor - 1) / divisor);  // floor
    const int64_t remainder = v - q * divisor;
    if (2 * remainder > divisor || (2 * remainder == divisor && (q & 1))) ++q;
    return static_cast<int16_t>(static_cast<uint16_t>(static_cast<uint64_t>(q)));
}

TEST_P(Rounding, MatchesExactRoundHalfEvenOnEvery24BitValue) {
    for (unsigned s : {7u, 8u}) {
        int mismatches = 0;
        for (int32_t v = -0x800000; v <= 0x7FFFFF; ++v)
            if (GetParam().rnd(v, s) != round_half_even_low16(v, s) && ++mismatches < 5)
                ADD_FAILURE() << "v=" << v << " s=" << s;
        EXPECT_EQ(mismatches, 0) << "s=" << s;
    }
}

ARITH_INSTANTIATE_FOR_BOTH(Rounding);

}  // namespace
