// The ELF loader: what it accepts, and the message for what it refuses.
#include <gtest/gtest.h>

#include <elf.h>

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
