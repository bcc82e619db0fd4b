// EdgeDRNN's AXI-Lite register file (SPEC 2) seen through the bus, as a driver sees it.
#include <gtest/gtest.h>

#include "software/include/hw/edgedrnn_regs.h"
#include "tests/model/model_bench.h"

using vp_test::ModelBench;

TEST(EdgeDrnnRegisters, ResetValuesReadBack) {
    ModelBench bench;
    std::vector<uint32_t> values;
    bench.script([&] {
        for (unsigned k = 0; k < EDGEDRNN_NUM_REGS; ++k) values.push_back(bench.read_reg(4 * k));
    });
    sc_core::sc_start();
    ASSERT_EQ(values.size(), 32u);
    EXPECT_EQ(values[0], 40u);
    EXPECT_EQ(values[1], 1024u);
    EXPECT_EQ(values[2], 1024u);
    EXPECT_EQ(values[3], 0u);
    for (unsigned k = 4; k <= 7; ++k) EXPECT_EQ(values[k], 0u) << "register " << k;
    EXPECT_EQ(values[8], 2u);
    EXPECT_EQ(values[9], 128u);
    for (unsigned k = 10; k < 32; ++k) EXPECT_EQ(values[k], 0u) << "register " << k;
}

TEST(EdgeDrnnRegisters, ByteStrobesAndNarrowAccessesMergeIntoTheWord) {
    ModelBench bench;
    uint32_t after_byte = 0, after_strobes = 0;
    tlm::tlm_response_status status = tlm::TLM_INCOMPLETE_RESPONSE;
    bench.script([&] {
        bench.write_reg(EDGEDRNN_SIZE_1, 0x12345678);
        uint8_t b = 0xAB;
        status = bench.access(tlm::TLM_WRITE_COMMAND, EDGEDRNN_SIZE_1 + 1, &b, 1);
        after_byte = bench.read_reg(EDGEDRNN_SIZE_1);
        uint8_t d[4] = {0x11, 0x22, 0x33, 0x44};
        const uint8_t be[4] = {0xFF, 0x00, 0x00, 0xFF};
        bench.access(tlm::TLM_WRITE_COMMAND, EDGEDRNN_SIZE_1, d, 4, be);
        after_strobes = bench.read_reg(EDGEDRNN_SIZE_1);
    });
    sc_core::sc_start();
    EXPECT_EQ(status, tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(after_byte, 0x1234AB78u);
    EXPECT_EQ(after_strobes, 0x4434AB11u);
}

TEST(EdgeDrnnRegisters, OnlyAddressBits6To2AreDecoded) {
    ModelBench bench;
    uint32_t reg0 = 0, alias = 0;
    bench.script([&] {
        bench.write_reg(0x80 + EDGEDRNN_THX, 77);  // aliases THX
        reg0 = bench.read_reg(EDGEDRNN_THX);
        alias = bench.read_reg(0x1000 + EDGEDRNN_THX);
    });
    sc_core::sc_start();
    EXPECT_EQ(reg0, 77u);
    EXPECT_EQ(alias, 77u);
}

TEST(EdgeDrnnRegisters, AccessTakesTheConfiguredSlaveLatency) {
    edgedrnn::EdgeDrnnParams params;
    params.register_access_cycles = 3;
    ModelBench bench(params);
    sc_core::sc_time after;
    bench.script([&] {
        bench.write_reg(EDGEDRNN_THX, 1);
        after = sc_core::sc_time_stamp();
    });
    sc_core::sc_start();
    EXPECT_EQ(after, sc_core::sc_time(24, sc_core::SC_NS));  // 3 cycles at 125 MHz
}
