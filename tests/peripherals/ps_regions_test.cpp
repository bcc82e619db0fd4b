// Unmodelled Zynq PS regions: plain storage with the reset values and operation registers a
// standalone BSP needs (ZYNQ_PS.md), and one warning per region, never silence.
#include <gtest/gtest.h>

#include "tests/support/bus_master.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "peripherals/zynq_ps/unmodelled_region.h"
#include "vp/common/log.h"
#include "vp/stats/stats.h"

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

namespace {

using Bench = vp_test::BusMaster;



struct RegionBench {
    vp::Stats stats;
    zynq::UnmodelledRegion region;
    Bench bench{"bench"};
    RegionBench(const zynq::UnmodelledRegionSpec& spec, uint64_t base)
        : region(spec.name.c_str(), spec, base, stats) {
        bench.socket.bind(region.socket);
    }
};

}  // namespace

TEST(PsRegions, Pl310SyncAndWayOperationsReadZeroAuxControlKeepsItsBits) {
    RegionBench b(zynq::zynq_pl310_spec(), 0xF8F02000);
    uint32_t id = 0, aux_reset = 0, aux_after = 0, sync = 1, inv_way = 1, ctrl = 0, id_after = 0;
    b.bench.script([&] {
        id = b.bench.read(0x000);
        aux_reset = b.bench.read(0x104);
        // The BSP's read-modify-write of the auxiliary control register.
        b.bench.write(0x104, (b.bench.read(0x104) & ~0x00010000u) | 0x72360000u);
        aux_after = b.bench.read(0x104);
        b.bench.write(0x730, 0);
        sync = b.bench.read(0x730);           // cache sync: polled until 0
        b.bench.write(0x77C, 0xFFFF);
        inv_way = b.bench.read(0x77C);        // invalidate by way: polled until the mask clears
        b.bench.write(0x100, 1);
        ctrl = b.bench.read(0x100);           // L2 enable stored
        b.bench.write(0x000, 0xDEAD);
        id_after = b.bench.read(0x000);       // read-only
    });
    sc_core::sc_start();
    EXPECT_EQ(id, 0x410000C8u);
    EXPECT_EQ(aux_reset, 0x02060000u);
    EXPECT_EQ(aux_after, 0x72360000u);
    EXPECT_EQ(sync, 0u);
    EXPECT_EQ(inv_way, 0u);
    EXPECT_EQ(ctrl, 1u);
    EXPECT_EQ(id_after, 0x410000C8u);
    EXPECT_EQ(b.stats.value("pl310.reads"), 8.0);
    EXPECT_EQ(b.stats.value("pl310.writes"), 5.0);
}

TEST(PsRegions, WarnsOncePerRegionNamingItAndTheAccess) {
    RegionBench b(zynq::zynq_slcr_spec(), 0xF8000000);
    const unsigned before = vp::warning_count();
    unsigned after_first = 0;
    uint32_t rst_ctrl = 0;
    b.bench.script([&] {
        b.bench.write(0x008, 0xDF0D);  // unlock
        after_first = vp::warning_count();
        b.bench.write(0x244, b.bench.read(0x244) | 0x11);  // A9_CPU_RST_CTRL, read-modify-write
        rst_ctrl = b.bench.read(0x244);
        b.bench.write(0xA1C, 0x00020202);
        b.bench.write(0x004, 0x767B);  // lock
    });
    testing::internal::CaptureStderr();
    sc_core::sc_start();
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(after_first, before + 1);
    EXPECT_EQ(vp::warning_count(), before + 1);
    EXPECT_NE(err.find("unmodelled region 'slcr' at 0xF8000000 accessed (write at +0x008); "
                       "answering as plain storage"),
              std::string::npos)
        << err;
    EXPECT_EQ(rst_ctrl, 0x11u);
    EXPECT_EQ(b.region.peek(0xA1C), 0x00020202u);
    EXPECT_EQ(b.region.peek(0x008), 0u);  // write-only lock/unlock keys are not kept
    EXPECT_EQ(b.region.peek(0x530), 0x03723093u);  // PSS_IDCODE: XC7Z007S
}

TEST(PsRegions, PlainStorageWithByteLanesAndBoundsAndEfuseStatus) {
    RegionBench b(zynq::zynq_efuse_spec(), 0xF800D000);
    uint32_t status = 0, status_after = 0, word = 0, merged = 0;
    tlm::tlm_response_status beyond = tlm::TLM_OK_RESPONSE, straddle = tlm::TLM_OK_RESPONSE;
    b.bench.script([&] {
        status = b.bench.read(0x010);
        b.bench.write(0x010, 0);
        status_after = b.bench.read(0x010);
        b.bench.write(0x200, 0x11223344);
        word = b.bench.read(0x200);
        uint8_t byte = 0xAB;
        b.bench.access(tlm::TLM_WRITE_COMMAND, 0x201, &byte, 1);
        uint8_t d[4] = {0x55, 0x66, 0x77, 0x88};
        const uint8_t be[4] = {0xFF, 0x00, 0x00, 0xFF};
        b.bench.access(tlm::TLM_WRITE_COMMAND, 0x200, d, 4, be);
        merged = b.bench.read(0x200);
        uint32_t v = 0;
        beyond = b.bench.access(tlm::TLM_READ_COMMAND, 0x1000, reinterpret_cast<uint8_t*>(&v), 4);
        straddle = b.bench.access(tlm::TLM_READ_COMMAND, 0xFFE, reinterpret_cast<uint8_t*>(&v), 4);
    });
    testing::internal::CaptureStderr();
    sc_core::sc_start();
    testing::internal::GetCapturedStderr();
    EXPECT_EQ(status, 0x80u);  // CPU1 disabled, as on a 7007S
    EXPECT_EQ(status_after, 0x80u);
    EXPECT_EQ(word, 0x11223344u);
    EXPECT_EQ(merged, 0x8822AB55u);
    EXPECT_EQ(beyond, tlm::TLM_ADDRESS_ERROR_RESPONSE);
    EXPECT_EQ(straddle, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(PsRegions, ZynqSpecsCoverTheBlocksTheBspTouchesWithoutOverlap) {
    std::vector<zynq::UnmodelledRegionSpec> specs = zynq::zynq_ps_unmodelled_specs();
    ASSERT_EQ(specs.size(), 7u);
    for (const auto& s : specs) {
        EXPECT_EQ(s.size_bytes % 4, 0u) << s.name;
        for (const auto& r : s.registers) EXPECT_LT(r.offset, s.size_bytes) << s.name;
    }
    for (size_t i = 1; i < specs.size(); ++i)
        EXPECT_LE(specs[i - 1].zynq_base + specs[i - 1].size_bytes, specs[i].zynq_base)
            << specs[i - 1].name << " overlaps " << specs[i].name;
    // Each address of ZYNQ_PS.md lies in exactly one region; the global timer in none.
    auto holder = [&](uint64_t address) -> std::string {
        for (const auto& s : specs)
            if (address >= s.zynq_base && address < s.zynq_base + s.size_bytes) return s.name;
        return "";
    };
    EXPECT_EQ(holder(0xF8000A1C), "slcr");
    EXPECT_EQ(holder(0xF8000244), "slcr");
    EXPECT_EQ(holder(0xF800D010), "efuse");
    EXPECT_EQ(holder(0xF8F0000C), "scu");
    EXPECT_EQ(holder(0xF8F0010C), "gic_cpu");
    EXPECT_EQ(holder(0xF8F00200), "");  // the modelled global timer
    EXPECT_EQ(holder(0xF8F002FC), "");
    EXPECT_EQ(holder(0xF8F00600), "private_timers");
    EXPECT_EQ(holder(0xF8F01000), "gic_dist");
    EXPECT_EQ(holder(0xF8F027F0), "pl310");
    // The MPCore block is covered from 0xF8F0_0000 to the end of the PL310, timer aside.
    uint64_t covered = 0;
    for (const auto& s : specs)
        if (s.zynq_base >= 0xF8F00000) covered += s.size_bytes;
    EXPECT_EQ(covered, 0x3000u - 0x100u);
}

TEST(PsRegions, RejectsABadSpec) {
    vp::Stats stats;
    zynq::UnmodelledRegionSpec spec{"bad", 0, 0x100, {{0x100, 0, zynq::RegisterKind::Storage, "x"}}};
    EXPECT_THROW(zynq::UnmodelledRegion("bad", spec, 0, stats), std::invalid_argument);
    zynq::UnmodelledRegionSpec odd{"odd", 0, 0x102, {}};
    EXPECT_THROW(zynq::UnmodelledRegion("odd", odd, 0, stats), std::invalid_argument);
}
