#include <gtest/gtest.h>

#include "vp/config/config.h"
#include "vp/interconnect/address_map.h"

namespace {

vp::AddressRegion region(const char* name, uint64_t base, uint64_t size, unsigned target = 0,
                         uint64_t offset = 0) {
    vp::AddressRegion r;
    r.name = name; r.base = base; r.size = size; r.target = target; r.target_offset = offset;
    return r;
}

std::string add_error(vp::AddressMap& m, const vp::AddressRegion& r) {
    try {
        m.add(r, "ic");
    } catch (const vp::ConfigError& e) {
        return e.what();
    }
    return "";
}

TEST(AddressMap, DecodesAndTranslates) {
    vp::AddressMap m;
    m.add(region("ocm_high", 0xFFFF0000, 0x10000, 1, 0x30000), "ic");
    m.add(region("ocm_low", 0, 0x30000, 1, 0), "ic");
    m.add(region("ddr", 0x100000, 511u << 20, 0), "ic");
    ASSERT_EQ(m.regions().front().name, "ocm_low");  // kept sorted
    EXPECT_EQ(m.find(0x2FFFF)->name, "ocm_low");
    EXPECT_EQ(m.find(0x30000), nullptr);
    EXPECT_EQ(m.find(0x100000)->name, "ddr");
    const vp::AddressRegion* hi = m.find(0xFFFFFFFF);
    ASSERT_NE(hi, nullptr);
    EXPECT_EQ(hi->to_target(0xFFFF0010), 0x30010u);
    EXPECT_EQ(hi->from_target(0x30010), 0xFFFF0010u);
    EXPECT_EQ(m.decode(0x2FFFC, 4)->name, "ocm_low");
    EXPECT_EQ(m.decode(0x2FFFC, 8), nullptr);  // runs past the window's end
    EXPECT_EQ(m.decode(0xFFFFFFFF, 1)->name, "ocm_high");
    uint64_t first = 0, last = 0;
    m.gap_around(0x40000000, first, last);
    EXPECT_EQ(first, 0x100000u + (511u << 20));
    EXPECT_EQ(last, 0xFFFEFFFFu);
}

TEST(AddressMap, RejectsOverlapZeroSizeAndWrap) {
    vp::AddressMap m;
    m.add(region("uart1", 0xE0001000, 0x1000), "ic");
    const std::string overlap = add_error(m, region("slcr", 0xE0001FFF, 0x10));
    EXPECT_NE(overlap.find("'slcr'"), std::string::npos) << overlap;
    EXPECT_NE(overlap.find("'uart1'"), std::string::npos) << overlap;
    EXPECT_NE(add_error(m, region("empty", 0x0, 0)).find("size 0"), std::string::npos);
    EXPECT_NE(add_error(m, region("wrap", 0xFFFFFFFFFFFFF000ull, 0x2000)).find("'wrap'"),
              std::string::npos);
    // Adjacent windows are fine.
    EXPECT_EQ(add_error(m, region("next", 0xE0002000, 0x1000)), "");
    EXPECT_EQ(add_error(m, region("prev", 0xE0000000, 0x1000)), "");
}

// decode() with a caller's hint (the interconnect keeps one per initiator port) gives the
// same answer as without, wherever the previous access was.
TEST(AddressMap, DecodeWithAHintGivesTheSameAnswer) {
    vp::AddressMap m;
    m.add(region("ocm_low", 0x0, 0x30000), "ic");
    m.add(region("ddr", 0x100000, 511u << 20, 1), "ic");
    m.add(region("uart1", 0xE0001000, 0x1000, 2), "ic");
    const uint64_t probes[] = {0x0, 0x2FFFC, 0x30000, 0xFFFFF, 0x100000, 0x1FFFFFFF, 0x20000000,
                               0xE0000FFF, 0xE0001000, 0xE0001FFC, 0xE0002000, ~uint64_t{0}};
    const uint64_t lengths[] = {0, 1, 4, 8, 0x10000};
    const vp::AddressRegion* hint = nullptr;
    for (int round = 0; round < 3; ++round)
        for (uint64_t a : probes)
            for (uint64_t n : lengths) {
                EXPECT_EQ(m.decode(a, n, hint), m.decode(a, n)) << std::hex << a << " " << n;
                if (const vp::AddressRegion* r = m.find(a)) {
                    EXPECT_EQ(hint, r);
                }
            }
}

}  // namespace
