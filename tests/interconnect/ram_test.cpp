// vp::Ram: sparse storage, DMI per page, debug access, errors, byte enables, the
// latency + bandwidth timing and bandwidth sharing between ports (closed forms).
#include <gtest/gtest.h>

#include <cstring>

#include "tests/interconnect/bench.h"
#include "vp/config/config.h"
#include "vp/memory/ram.h"
#include "vp/memory/read_in_place.h"
#include "vp/stats/stats.h"

namespace {

using sc_core::sc_time;
using sc_core::SC_NS;
using vp_test::TestInitiator;

vp::RamParams params(uint64_t size_bytes, double latency_ns, double bandwidth) {
    vp::RamParams p;
    p.size_bytes = size_bytes;
    p.latency_ns = latency_ns;
    p.bandwidth_bytes_per_s = bandwidth;
    return p;
}

TEST(Ram, FiveHundredTwelveMiBAllocatesOnlyTouchedPages) {
    vp::Stats stats;
    vp::Ram ddr("ddr", params(512ull << 20, 50, 2.133e9), stats);
    TestInitiator cpu("cpu_master");
    cpu.socket.bind(ddr.socket);
    vp_test::elaborate();
    EXPECT_EQ(ddr.storage().pages_allocated(), 0u);
    const uint8_t v[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    sc_time delay;
    ASSERT_EQ(cpu.write(0x0, v, 8, delay), tlm::TLM_OK_RESPONSE);
    ASSERT_EQ(cpu.write(300ull << 20, v, 8, delay), tlm::TLM_OK_RESPONSE);
    ASSERT_EQ(cpu.write((512ull << 20) - 8, v, 8, delay), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(ddr.storage().pages_allocated(), 3u);
    EXPECT_EQ(stats.value("ddr.pages_allocated"), 3);
    uint8_t back[8] = {9, 9, 9, 9, 9, 9, 9, 9};
    ASSERT_EQ(cpu.read(100ull << 20, back, 8, delay), tlm::TLM_OK_RESPONSE);  // untouched
    for (uint8_t b : back) EXPECT_EQ(b, 0);
    ASSERT_EQ(cpu.read(300ull << 20, back, 8, delay), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(std::memcmp(back, v, 8), 0);
}

TEST(Ram, DmiCoversTheWholeMemoryAndItsWritesAreVisibleToBTransport) {
    vp::Stats stats;
    const uint64_t size = 0x118000;  // not a multiple of 64 KiB: the range ends at the size
    vp::Ram ddr("ddr", params(size, 50, 2e9), stats);
    TestInitiator cpu("cpu_master");
    cpu.socket.bind(ddr.socket);
    vp_test::elaborate();
    tlm::tlm_dmi dmi;
    ASSERT_TRUE(cpu.dmi(0x12345, dmi));
    EXPECT_EQ(dmi.get_start_address(), 0u);
    EXPECT_EQ(dmi.get_end_address(), size - 1);
    EXPECT_TRUE(dmi.is_read_write_allowed());
    EXPECT_EQ(dmi.get_read_latency(), sc_time(0.5, SC_NS));  // 1 / 2 GB/s per byte
    uint8_t* p = dmi.get_dmi_ptr();
    const uint32_t word = 0xCAFEF00D;
    std::memcpy(p + 0x12345, &word, 4);
    uint32_t back = 0;
    sc_time delay;
    ASSERT_EQ(cpu.read(0x12345, reinterpret_cast<uint8_t*>(&back), 4, delay), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(back, word);
    const uint32_t other = 0x12345678;
    ASSERT_EQ(cpu.write(size - 4, reinterpret_cast<const uint8_t*>(&other), 4, delay),
              tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(std::memcmp(p + size - 4, &other, 4), 0);
    tlm::tlm_dmi none;
    EXPECT_FALSE(cpu.dmi(size, none));  // beyond the memory
    EXPECT_EQ(none.get_start_address(), size);
}

TEST(Ram, DelayIsLatencyPlusBytesOverBandwidth) {
    vp::Stats stats;
    const double latency_ns = 50, bandwidth = 2e9;  // 0.5 ns per byte
    vp::Ram ddr("ddr", params(1 << 20, latency_ns, bandwidth), stats);
    TestInitiator cpu("cpu_master");
    cpu.socket.bind(ddr.socket);
    vp_test::elaborate();
    const unsigned bytes = 2048;
    const double data_ns = bytes / bandwidth * 1e9;
    EXPECT_EQ(cpu.timed_read(0, bytes), sc_time(latency_ns + data_ns, SC_NS));
    // An access arriving after the bus is free does not wait.
    std::vector<uint8_t> buf(bytes);
    sc_time delay(2000, SC_NS);
    cpu.write(0, buf.data(), bytes, delay);
    EXPECT_EQ(delay, sc_time(2000 + latency_ns + data_ns, SC_NS));
    // One arriving (in local time) before the bus is free waits for it: the bus is booked
    // in call order (documented approximation).
    const sc_time bus_free(2000 + latency_ns + data_ns, SC_NS);
    EXPECT_EQ(cpu.timed_read(0, bytes), bus_free + sc_time(data_ns, SC_NS));
    EXPECT_EQ(stats.value("ddr.reads"), 2);
    EXPECT_EQ(stats.value("ddr.write_bytes"), bytes);
}

TEST(Ram, TwoPortsStreamingAtOnceShareTheBandwidth) {
    vp::Stats stats;
    const double latency_ns = 50, bandwidth = 2e9;
    vp::Ram ddr("ddr", params(1 << 20, latency_ns, bandwidth), stats, {"cpu"});
    ddr.name_port(1, "hp");
    TestInitiator cpu("cpu_master"), hp("hp_master");
    cpu.socket.bind(ddr.socket);
    hp.socket.bind(ddr.socket);
    vp_test::elaborate();

    // Each initiator streams N reads back to back (the next one at its previous one's
    // completion, in its own local time); the calls interleave as two LT initiators'
    // would within a quantum.
    const unsigned n = 100, bytes = 4096;
    std::vector<uint8_t> buf(bytes);
    sc_time t_cpu, t_hp;
    for (unsigned i = 0; i < n; ++i) {
        cpu.read(i * bytes, buf.data(), bytes, t_cpu);
        hp.read(i * bytes, buf.data(), bytes, t_hp);
    }
    // The data bus is the bottleneck (latency < data time): the two streams alternate on
    // it, cpu's last transfer ends after 2n - 1 data times, hp's after 2n.
    const double data_ns = bytes / bandwidth * 1e9;
    EXPECT_EQ(t_cpu, sc_time(latency_ns + (2 * n - 1) * data_ns, SC_NS));
    EXPECT_EQ(t_hp, sc_time(latency_ns + 2 * n * data_ns, SC_NS));
    // Each got about half: alone, one stream would take n x (latency + data).
    const double achieved = n * bytes / t_hp.to_seconds();
    EXPECT_NEAR(achieved, bandwidth / 2, bandwidth * 0.01);
    EXPECT_EQ(stats.value("ddr.cpu.reads"), n);
    EXPECT_EQ(stats.value("ddr.hp.read_bytes"), n * bytes);
    EXPECT_EQ(stats.value("ddr.reads"), 2 * n);
}

TEST(Ram, OutOfRangeIsAnAddressErrorCountedPerPort) {
    vp::Stats stats;
    vp::Ram ocm("ocm", params(256 << 10, 10, 1e9), stats);
    TestInitiator cpu("cpu_master");
    cpu.socket.bind(ocm.socket);
    vp_test::elaborate();
    tlm::tlm_response_status status;
    cpu.timed_read((256 << 10) - 4, 8, &status);
    EXPECT_EQ(status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
    cpu.timed_read(1ull << 40, 4, &status);
    EXPECT_EQ(status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
    cpu.timed_read((256 << 10) - 4, 4, &status);
    EXPECT_EQ(status, tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(stats.value("ocm.errors"), 2);
    EXPECT_EQ(stats.value("ocm.port0.errors"), 2);
    EXPECT_EQ(stats.value("ocm.reads"), 1);
    uint8_t buf[8];
    EXPECT_EQ(cpu.debug(tlm::TLM_READ_COMMAND, (256 << 10) - 4, buf, 8), 0u);
}

TEST(Ram, ByteEnablesSelectWhichBytesAreWritten) {
    vp::Stats stats;
    vp::Ram ram("ram", params(1 << 16, 0, 1e9), stats);
    TestInitiator cpu("cpu_master");
    cpu.socket.bind(ram.socket);
    vp_test::elaborate();
    uint8_t data[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    const uint8_t be[4] = {0xFF, 0x00, 0xFF, 0xFF};  // repeats every 4 bytes
    sc_time delay;
    ASSERT_EQ(cpu.transfer(tlm::TLM_WRITE_COMMAND, 0x100, data, 8, delay, be, 4),
              tlm::TLM_OK_RESPONSE);
    uint8_t back[8];
    ram.storage().read(0x100, back, 8);
    const uint8_t want[8] = {1, 0, 3, 4, 5, 0, 7, 8};
    EXPECT_EQ(std::memcmp(back, want, 8), 0);
    // Reads copy only enabled bytes too.
    uint8_t rd[8] = {9, 9, 9, 9, 9, 9, 9, 9};
    ASSERT_EQ(cpu.transfer(tlm::TLM_READ_COMMAND, 0x100, rd, 8, delay, be, 4), tlm::TLM_OK_RESPONSE);
    const uint8_t want_rd[8] = {1, 9, 3, 4, 5, 9, 7, 8};
    EXPECT_EQ(std::memcmp(rd, want_rd, 8), 0);
}

TEST(Ram, DebugAccessForLoaders) {
    vp::Stats stats;
    vp::Ram ddr("ddr", params(512ull << 20, 50, 2e9), stats);
    TestInitiator loader("loader");
    loader.socket.bind(ddr.socket);
    vp_test::elaborate();
    std::vector<uint8_t> image(200000);
    for (size_t i = 0; i < image.size(); ++i) image[i] = static_cast<uint8_t>(i * 7);
    EXPECT_EQ(loader.debug(tlm::TLM_WRITE_COMMAND, 0x1000000 - 100, image.data(), image.size()),
              image.size());
    std::vector<uint8_t> back(image.size());
    ddr.storage().read(0x1000000 - 100, back.data(), back.size());
    EXPECT_EQ(back, image);
    EXPECT_EQ(stats.value("ddr.writes"), 0);  // debug traffic is not counted
}

TEST(Ram, ParamsFromConfigWithPrefix) {
    vp::ConfigSchema schema;
    vp::RamParams::declare(schema, "ddr");
    vp::RamParams::declare(schema, "ocm", params(256 << 10, 20, 2.664e9));
    ASSERT_NE(schema.find("ddr.size_bytes"), nullptr);
    ASSERT_NE(schema.find("ddr.latency_ns"), nullptr);
    ASSERT_NE(schema.find("ocm.bandwidth_bytes_per_s"), nullptr);
    vp::Config config(schema);
    config.set("ddr.latency_ns", "60", "test");
    const vp::RamParams ddr = vp::RamParams::from_config(config, "ddr");
    EXPECT_EQ(ddr.size_bytes, 512ull << 20);
    EXPECT_EQ(ddr.latency_ns, 60);
    EXPECT_EQ(ddr.bandwidth_bytes_per_s, 2.133e9);
    const vp::RamParams ocm = vp::RamParams::from_config(config, "ocm");
    EXPECT_EQ(ocm.size_bytes, 256u << 10);
    EXPECT_EQ(ocm.bandwidth_bytes_per_s, 2.664e9);
    EXPECT_THROW(config.set("ocm.bandwidth_bytes_per_s", "0", "test"), vp::ConfigError);
}

}  // namespace

// vp/memory/read_in_place.h: a read that asks for it gets a pointer into the storage and
// no copy; the same timing and counters as a copied read; byte-enabled reads and writes
// are served as usual.
TEST(Ram, ReadInPlaceLendsTheStorageAndSkipsTheCopy) {
    vp::Stats stats;
    vp::Ram ddr("ddr", params(1 << 20, 50, 2e9), stats);
    TestInitiator cpu("cpu_master");
    cpu.socket.bind(ddr.socket);
    vp_test::elaborate();
    const uint8_t v[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    sc_time delay;
    ASSERT_EQ(cpu.write(0x100, v, 16, delay), tlm::TLM_OK_RESPONSE);

    uint8_t buffer[16] = {};
    auto* in_place = new vp::ReadInPlace;  // the payload owns it
    tlm::tlm_generic_payload t;
    t.set_extension(in_place);
    t.set_command(tlm::TLM_READ_COMMAND);
    t.set_address(0x100);
    t.set_data_ptr(buffer);
    t.set_data_length(16);
    t.set_streaming_width(16);
    sc_time in_place_delay = sc_core::SC_ZERO_TIME;
    cpu.socket->b_transport(t, in_place_delay);
    ASSERT_EQ(t.get_response_status(), tlm::TLM_OK_RESPONSE);
    ASSERT_NE(in_place->data, nullptr);
    EXPECT_EQ(in_place->data, ddr.storage().data() + 0x100);
    EXPECT_EQ(std::memcmp(in_place->data, v, 16), 0);
    for (uint8_t b : buffer) EXPECT_EQ(b, 0) << "no copy into the payload's buffer";
    EXPECT_EQ(stats.value("ddr.read_bytes"), 16);

    // Timed as any read: behind the write's 8 ns of data, then 50 ns + 16 B / 2 GB/s.
    EXPECT_EQ(in_place_delay, sc_time(66, SC_NS));

    // A byte-enabled read is copied (and respects its enables), not lent.
    in_place->data = nullptr;
    const uint8_t enables[4] = {0xFF, 0, 0xFF, 0};
    uint8_t partial[4] = {0xAA, 0xAA, 0xAA, 0xAA};
    t.set_data_ptr(partial);
    t.set_data_length(4);
    t.set_streaming_width(4);
    t.set_byte_enable_ptr(const_cast<uint8_t*>(enables));
    t.set_byte_enable_length(4);
    t.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_time be_delay = sc_core::SC_ZERO_TIME;
    cpu.socket->b_transport(t, be_delay);
    ASSERT_EQ(t.get_response_status(), tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(in_place->data, nullptr);
    EXPECT_EQ(partial[0], 1);
    EXPECT_EQ(partial[1], 0xAA);
    EXPECT_EQ(partial[2], 3);
}
