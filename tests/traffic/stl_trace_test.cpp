// The STL trace parser: DRAMSys's forms, the lenient extras, and bad input that names
// the file and line with what was expected.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/test_paths.h"
#include "vp/traffic/stl_trace.h"

namespace {

vp::StlTrace parse(const std::string& text, uint32_t default_bytes = 64) {
    std::istringstream in(text);
    return vp::parse_stl(in, "t.stl", default_bytes);
}

// The message of the TraceError `text` throws ("" when it parses).
std::string error_of(const std::string& text) {
    try {
        parse(text);
    } catch (const vp::TraceError& e) {
        return e.what();
    }
    return "";
}

TEST(StlTrace, ReadsDramsysLines) {
    const vp::StlTrace t = parse(
        "# cycle: [(length)] command hex-address [hex-data]\n"
        "31: read 0x400140\n"
        "\n"
        "81: (128) read 0x400180\n"
        "96: (4) write 0x7fff8000 0x0102a0FF\n"
        "97: write 0x10\n");
    ASSERT_EQ(t.records.size(), 4u);
    EXPECT_FALSE(t.relative);
    EXPECT_EQ(t.records[0].cycle, 31u);
    EXPECT_EQ(t.records[0].address, 0x400140u);
    EXPECT_EQ(t.records[0].bytes, 64u);  // the default
    EXPECT_FALSE(t.records[0].is_write);
    EXPECT_EQ(t.records[0].line, 2u);
    EXPECT_EQ(t.records[1].bytes, 128u);
    EXPECT_EQ(t.records[1].line, 4u);
    const vp::StlRecord& w = t.records[2];
    EXPECT_TRUE(w.is_write);
    ASSERT_TRUE(w.has_data());
    EXPECT_EQ(t.write_data[w.data_offset + 0], 0x01);
    EXPECT_EQ(t.write_data[w.data_offset + 1], 0x02);
    EXPECT_EQ(t.write_data[w.data_offset + 2], 0xA0);
    EXPECT_EQ(t.write_data[w.data_offset + 3], 0xFF);
    EXPECT_TRUE(t.records[3].is_write);
    EXPECT_FALSE(t.records[3].has_data());  // writes zeros
    EXPECT_EQ(t.max_bytes(), 128u);
    EXPECT_EQ(t.total_bytes(), 64u + 128 + 4 + 64);
}

TEST(StlTrace, AcceptsTheLenientForms) {
    const vp::StlTrace t = parse(
        "  0 read 1f40   # no colon, no 0x, a trailing comment\r\n"
        "5 : read 0X20\r\n"
        "\t# an indented comment\n"
        "7:\t(8)\tread\t0x40\n",
        32);
    ASSERT_EQ(t.records.size(), 3u);
    EXPECT_EQ(t.records[0].address, 0x1f40u);
    EXPECT_EQ(t.records[0].bytes, 32u);
    EXPECT_EQ(t.records[1].cycle, 5u);
    EXPECT_EQ(t.records[1].address, 0x20u);
    EXPECT_EQ(t.records[2].bytes, 8u);
    EXPECT_EQ(t.records[2].line, 4u);
}

TEST(StlTrace, EveryBadLineNamesFileLineAndExpectation) {
    struct Case {
        const char* line;
        const char* expected;
    };
    const Case cases[] = {
        {"x1: read 0x0", "'x1:' is not a time stamp, expected '<cycle>:'"},
        {"-4: read 0x0", "is not a time stamp"},
        {"99999999999999999999: read 0x0", "is not a time stamp"},
        {"12:", "the line ends after the time stamp, expected a command 'read' or 'write'"},
        {"12: raed 0x0", "'raed' is not a command, expected 'read' or 'write'"},
        {"12: READ 0x0", "'READ' is not a command"},
        {"12: (0) read 0x0", "'(0)' is not a length, expected '(<bytes>)' with 1..1048576 bytes"},
        {"12: (64 read 0x0", "'(64' is not a length"},
        {"12: (2000000) read 0x0", "is not a length"},
        {"12: (64)", "the line ends after the length"},
        {"12: read", "the line ends after 'read', expected a hexadecimal address"},
        {"12: read 0xg0", "'0xg0' is not an address, expected a hexadecimal address"},
        {"12: read 0x", "'0x' is not an address"},
        {"12: read 0x11112222333344445", "is not an address"},
        {"12: read 0xffffffffffffffff", "runs past the end of the 64-bit address space"},
        {"12: read 0x0 0x00", "after a read's address, expected the end of the line (only writes carry data)"},
        {"12: (2) write 0x0 0x001122", "the write data has 6 hex digits, expected 0x and 4"},
        {"12: (2) write 0x0 0x00zz", "'zz' in the write data is not a byte"},
        {"12: (2) write 0x0 0x0011 extra", "unexpected 'extra' after the write data"},
    };
    for (const Case& c : cases) {
        const std::string message = error_of("# header\n0: read 0x0\n" + std::string(c.line) + "\n");
        EXPECT_EQ(message.rfind("t.stl:3: ", 0), 0u) << c.line << " -> " << message;
        EXPECT_NE(message.find(c.expected), std::string::npos) << c.line << " -> " << message;
    }
}

TEST(StlTrace, EmptyTraceAndBadDefaultAreErrors) {
    EXPECT_NE(error_of("# only comments\n\n").find("t.stl: no transactions, expected lines"), std::string::npos);
    std::istringstream in("0: read 0x0\n");
    EXPECT_THROW(vp::parse_stl(in, "t.stl", 0), vp::TraceError);
}

TEST(StlTrace, LoadsFilesAndRelativeTracesByExtension) {
    const std::string dir = vp_test::scratch_dir("stl_load");
    const vp::StlTrace absolute = vp::load_stl(vp_test::write_file(dir + "/a.stl", "1: read 0x0\n"), 64);
    EXPECT_FALSE(absolute.relative);
    EXPECT_EQ(absolute.name, dir + "/a.stl");
    const vp::StlTrace relative = vp::load_stl(vp_test::write_file(dir + "/a.rstl", "1: read 0x0\n"), 64);
    EXPECT_TRUE(relative.relative);
    try {
        vp::load_stl(dir + "/missing.stl", 64);
        FAIL() << "a missing file was accepted";
    } catch (const vp::TraceError& e) {
        EXPECT_NE(std::string(e.what()).find(dir + "/missing.stl: cannot open"), std::string::npos) << e.what();
    }
}

TEST(StlTrace, ShippedTracesParse) {
    const std::string dir = std::string(VP_SOURCE_DIR) + "/scenarios/traces/";
    const vp::StlTrace seq = vp::load_stl(dir + "sequential.stl", 64);
    EXPECT_EQ(seq.records.size(), 16384u);
    EXPECT_EQ(seq.total_bytes(), 1u << 20);
    const vp::StlTrace random = vp::load_stl(dir + "random-64b.stl", 64);
    EXPECT_EQ(random.records.size(), 16384u);
    for (const vp::StlRecord& r : random.records) {
        ASSERT_EQ(r.address % 64, 0u);
        ASSERT_LT(r.address, 256u << 20);
    }
    const vp::StlTrace columns = vp::load_stl(dir + "edgedrnn-columns.stl", 64);
    EXPECT_EQ(columns.records.size() % 18, 0u);  // 18 bursts of 128 bytes per 2304-byte column
    EXPECT_EQ(columns.max_bytes(), 128u);
}

}  // namespace
