// The ELF loader: what it accepts, and the message for what it refuses.
#include <gtest/gtest.h>

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "tests/cpu/arm_bench.h"
#include "tests/support/test_paths.h"
#include "vp/cpu/elf_loader.h"

namespace {

std::string expect_refused(const std::string& path) {
    try {
        vp::read_elf(path);
    } catch (const vp::ElfError& e) {
        return e.what();
    }
    ADD_FAILURE() << path << " was accepted";
    return "";
}

std::string write_bytes(const std::string& name, const std::vector<uint8_t>& bytes) {
    const std::string path = vp_test::scratch_dir(name) + "/file.elf";
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    return path;
}

std::vector<uint8_t> real_elf() {
    std::ifstream f(vp_test::guest_elf("guest_compute"), std::ios::binary);
    return std::vector<uint8_t>((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST(ElfLoader, ReadsTheBoardElfEntrySegmentsAndSymbols) {
    const vp::ElfImage image = vp::read_elf(vp_test::guest_elf("guest_compute"));
    EXPECT_EQ(image.entry, 0x00100000u);
    ASSERT_FALSE(image.segments.empty());
    EXPECT_EQ(image.segments[0].address, 0x00100000u);
    EXPECT_GE(image.segments[0].memory_bytes, image.segments[0].bytes.size());
    EXPECT_GT(image.symbol("_exit"), 0x00100000u);
    EXPECT_THROW(image.symbol("no_such_symbol"), vp::ElfError);
}

TEST(ElfLoader, RefusesWhatIsNotA32BitLittleEndianArmExecutable) {
    EXPECT_NE(expect_refused("/nonexistent/x.elf").find("cannot open"), std::string::npos);
    EXPECT_NE(expect_refused(write_bytes("text", {'h', 'e', 'l', 'l', 'o'})).find("not an ELF file"), std::string::npos);
    std::vector<uint8_t> elf = real_elf();
    ASSERT_GT(elf.size(), sizeof(Elf32_Ehdr));
    auto patched = [&](std::size_t offset, uint8_t value) {
        std::vector<uint8_t> copy = elf;
        copy[offset] = value;
        return copy;
    };
    EXPECT_NE(expect_refused(write_bytes("class", patched(EI_CLASS, ELFCLASS64))).find("not a 32-bit ELF"), std::string::npos);
    EXPECT_NE(expect_refused(write_bytes("endian", patched(EI_DATA, ELFDATA2MSB))).find("not little-endian"), std::string::npos);
    EXPECT_NE(expect_refused(write_bytes("machine", patched(offsetof(Elf32_Ehdr, e_machine), EM_386))).find("is not ARM"),
              std::string::npos);
    std::vector<uint8_t> truncated(elf.begin(), elf.begin() + 200);
    EXPECT_NE(expect_refused(write_bytes("truncated", truncated)).find("truncated"), std::string::npos);
}

TEST(ElfLoader, ASegmentOutsideMemoryIsRefusedWithItsRange) {
    vp::ElfImage image;
    image.path = "x.elf";
    image.segments.push_back(vp::ElfSegment{0x40000000, 16, std::vector<uint8_t>(16, 1)});
    try {
        vp::load_elf(image, [](uint32_t, const uint8_t*, uint32_t) { return false; });
        FAIL() << "accepted";
    } catch (const vp::ElfError& e) {
        EXPECT_NE(std::string(e.what()).find("0x40000000..0x4000000f) is not all in memory"), std::string::npos) << e.what();
    }
}

// Every message names the key and the file; a directory says so (it read as a system
// error before).
TEST(ElfLoader, MessagesNameTheKeyAndADirectoryIsRefused) {
    const std::string dir = vp_test::scratch_dir("elf_dir");
    const std::string e = expect_refused(dir);
    EXPECT_NE(e.find("cpu.elf: " + dir + ": is a directory, expected an ELF file"), std::string::npos) << e;
    const std::string text = expect_refused(write_bytes("text2", {'h', 'e', 'l', 'l', 'o'}));
    EXPECT_EQ(text.rfind("cpu.elf: ", 0), 0u) << text;
}

// p_memsz < p_filesz is a corrupt header, not a truncated file; segments are named by
// their program header in every message.
TEST(ElfLoader, MemorySizeBelowFileSizeHasItsOwnMessage) {
    std::vector<uint8_t> elf = real_elf();
    Elf32_Ehdr eh;
    std::memcpy(&eh, elf.data(), sizeof eh);
    unsigned patched = eh.e_phnum;
    for (unsigned i = 0; i < eh.e_phnum && patched == eh.e_phnum; ++i) {
        Elf32_Phdr ph;
        const std::size_t at = eh.e_phoff + i * sizeof(Elf32_Phdr);
        std::memcpy(&ph, elf.data() + at, sizeof ph);
        if (ph.p_type != PT_LOAD || ph.p_filesz < 2) continue;
        ph.p_memsz = ph.p_filesz - 1;
        std::memcpy(elf.data() + at, &ph, sizeof ph);
        patched = i;
    }
    ASSERT_LT(patched, eh.e_phnum);
    const std::string e = expect_refused(write_bytes("memsz", elf));
    const std::string n = std::to_string(patched);
    EXPECT_NE(e.find("the segment of program header " + n + ": its file size"), std::string::npos) << e;
    EXPECT_NE(e.find("exceeds its memory size"), std::string::npos) << e;
    EXPECT_EQ(e.find("truncated"), std::string::npos) << e;
}

TEST(ElfLoader, LoadMessagesUseTheProgramHeaderNumber) {
    vp::ElfImage image;
    image.path = "x.elf";
    vp::ElfSegment s{0x40000000, 16, std::vector<uint8_t>(16, 1)};
    s.header = 3;
    image.segments.push_back(s);
    try {
        vp::load_elf(image, [](uint32_t, const uint8_t*, uint32_t) { return false; });
        FAIL() << "accepted";
    } catch (const vp::ElfError& e) {
        EXPECT_NE(std::string(e.what()).find("cpu.elf: x.elf: the segment of program header 3 (0x40000000"),
                  std::string::npos)
            << e.what();
    }
}

namespace {

// A minimal executable like the probe's (/tmp/probe2/elf/mk.py): an ELF header, one
// program header per segment {address, file bytes, memory size}, the bytes; no sections.
struct TinySegment {
    uint32_t address;
    std::vector<uint8_t> bytes;
    uint32_t memory_bytes;
};
std::vector<uint8_t> tiny_elf(const std::vector<TinySegment>& segments, uint32_t entry) {
    Elf32_Ehdr eh{};
    std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS32;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = ET_EXEC;
    eh.e_machine = EM_ARM;
    eh.e_version = EV_CURRENT;
    eh.e_entry = entry;
    eh.e_phoff = sizeof(Elf32_Ehdr);
    eh.e_ehsize = sizeof(Elf32_Ehdr);
    eh.e_phentsize = sizeof(Elf32_Phdr);
    eh.e_phnum = static_cast<Elf32_Half>(segments.size());
    std::vector<uint8_t> out(sizeof eh);
    std::memcpy(out.data(), &eh, sizeof eh);
    uint32_t offset = sizeof(Elf32_Ehdr) + segments.size() * sizeof(Elf32_Phdr);
    for (const auto& s : segments) {
        Elf32_Phdr ph{};
        ph.p_type = PT_LOAD;
        ph.p_offset = offset;
        ph.p_vaddr = ph.p_paddr = s.address;
        ph.p_filesz = static_cast<Elf32_Word>(s.bytes.size());
        ph.p_memsz = s.memory_bytes;
        ph.p_flags = PF_R | PF_W | PF_X;
        ph.p_align = 4;
        const auto* p = reinterpret_cast<const uint8_t*>(&ph);
        out.insert(out.end(), p, p + sizeof ph);
        offset += ph.p_filesz;
    }
    for (const auto& s : segments) out.insert(out.end(), s.bytes.begin(), s.bytes.end());
    return out;
}

constexpr uint32_t kDdr = 0x00100000;
const std::vector<uint8_t> kCode(12, 0);

// The MiniZed's DDR window as a writer: counts what load_elf writes and its largest call.
struct FakeDdr {
    uint64_t data_bytes = 0, largest = 0, checks = 0;
    vp::ElfWriter writer() {
        return [this](uint32_t address, const uint8_t* data, uint32_t bytes) {
            const bool in = address >= kDdr && uint64_t{address} + bytes <= 0x20000000;
            if (!data) ++checks;
            else if (in) data_bytes += bytes, largest = std::max<uint64_t>(largest, bytes);
            return in;
        };
    }
};

}  // namespace

// seg_huge_bss.elf (p_memsz 0xFFE00000 at 0x100000) allocated 4.2 GB of zeros, then wrote
// them, before finding the range was not memory. Now every range is checked first and
// nothing at all is written.
TEST(ElfLoader, AHugeBssBeyondMemoryIsRefusedBeforeAnythingIsWritten) {
    const std::string path = write_bytes("huge_bss", tiny_elf({{kDdr, kCode, 12}, {0x01000000, {}, 0xF0000000}}, kDdr));
    const vp::ElfImage image = vp::read_elf(path);
    FakeDdr ddr;
    try {
        vp::load_elf(image, ddr.writer());
        FAIL() << "accepted";
    } catch (const vp::ElfError& e) {
        EXPECT_NE(std::string(e.what()).find("the segment of program header 1 (0x1000000..0xf0ffffff) is not all in memory"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(ddr.data_bytes, 0u);  // not even segment 0's code
}

// A .bss inside memory is zeroed in 64 KiB chunks from one buffer, not one host
// allocation of its size.
TEST(ElfLoader, ALargeBssIsZeroedInChunks) {
    const uint32_t bss = 16u << 20;
    const std::string path = write_bytes("big_bss", tiny_elf({{kDdr, kCode, bss}}, kDdr));
    FakeDdr ddr;
    vp::load_elf(vp::read_elf(path), ddr.writer());
    EXPECT_EQ(ddr.checks, 1u);
    EXPECT_EQ(ddr.data_bytes, bss);
    EXPECT_LE(ddr.largest, 64u * 1024);
}

// An entry point in no segment ended as a prefetch abort at run time (exit 1); overlapping
// segments loaded silently, the later winning. Both are refused when the file is read.
TEST(ElfLoader, AnEntryOutsideEverySegmentIsRefused) {
    std::string e = expect_refused(write_bytes("entry", tiny_elf({{kDdr, kCode, 12}}, 0x50000000)));
    EXPECT_NE(e.find("cpu.elf: "), std::string::npos) << e;
    EXPECT_NE(e.find("entry point 0x50000000 is outside every loaded segment (program headers 0: 0x100000..0x10000b)"),
              std::string::npos)
        << e;
    // Just past the end is outside; the last byte of .bss and a Thumb entry (bit 0) are inside.
    expect_refused(write_bytes("entry_end", tiny_elf({{kDdr, kCode, 0x1000}}, kDdr + 0x1000)));
    EXPECT_NO_THROW(vp::read_elf(write_bytes("entry_bss", tiny_elf({{kDdr, kCode, 0x1000}}, kDdr + 0xFFC))));
    EXPECT_NO_THROW(vp::read_elf(write_bytes("entry_thumb", tiny_elf({{kDdr, kCode, 12}}, kDdr + 1))));
}

TEST(ElfLoader, OverlappingSegmentsAreRefusedNamingBoth) {
    std::string e = expect_refused(
        write_bytes("overlap", tiny_elf({{0x200000, kCode, 12}, {kDdr, kCode, 12}, {kDdr + 8, kCode, 12}}, kDdr)));
    EXPECT_NE(e.find("the segment of program header 1 (0x100000..0x10000b) and the segment of program header 2 "
                     "(0x100008..0x100013) overlap"),
              std::string::npos)
        << e;
    // Adjacent segments do not overlap.
    EXPECT_NO_THROW(vp::read_elf(write_bytes("adjacent", tiny_elf({{kDdr, kCode, 12}, {kDdr + 12, kCode, 12}}, kDdr))));
}
