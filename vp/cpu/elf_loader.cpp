#include "vp/cpu/elf_loader.h"

#include "vp/config/input_file.h"

#include <elf.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace vp {
namespace {

// Every message names the key and the file: "cpu.elf: <path>: <what>".
ElfError fail(const std::string& path, const std::string& what) { return ElfError("cpu.elf: " + path + ": " + what); }

// Segments are numbered as their program headers (readelf -l), in every message.
std::string segment_name(unsigned header) { return "the segment of program header " + std::to_string(header); }

std::string hex(uint64_t v) {
    std::ostringstream os;
    os << "0x" << std::hex << v;
    return os.str();
}

template <typename T>
T read_at(const std::vector<uint8_t>& file, uint64_t offset, const std::string& what, const std::string& path) {
    if (offset + sizeof(T) > file.size())
        throw fail(path, "truncated ELF: " + what + " at offset " + hex(offset) + " runs past the file's " +
                       std::to_string(file.size()) + " bytes");
    T v;
    std::memcpy(&v, file.data() + offset, sizeof v);  // the host is little-endian, as the file must be
    return v;
}

void read_symbols(const std::vector<uint8_t>& file, const Elf32_Ehdr& eh, ElfImage& image) {
    for (unsigned i = 0; i < eh.e_shnum; ++i) {
        const auto sh = read_at<Elf32_Shdr>(file, eh.e_shoff + uint64_t{i} * eh.e_shentsize, "section header", image.path);
        if (sh.sh_type != SHT_SYMTAB || sh.sh_link >= eh.e_shnum) continue;
        const auto strtab = read_at<Elf32_Shdr>(file, eh.e_shoff + uint64_t{sh.sh_link} * eh.e_shentsize,
                                                "string table header", image.path);
        for (uint64_t off = 0; off + sizeof(Elf32_Sym) <= sh.sh_size; off += sizeof(Elf32_Sym)) {
            const auto sym = read_at<Elf32_Sym>(file, sh.sh_offset + off, "symbol", image.path);
            const unsigned type = ELF32_ST_TYPE(sym.st_info);
            if ((type != STT_FUNC && type != STT_OBJECT) || sym.st_shndx == SHN_UNDEF) continue;
            const uint64_t name_at = uint64_t{strtab.sh_offset} + sym.st_name;
            if (name_at >= file.size()) continue;
            const char* name = reinterpret_cast<const char*>(file.data() + name_at);
            const std::string s(name, strnlen(name, file.size() - name_at));
            image.symbols[s] = type == STT_FUNC ? (sym.st_value & ~1u) : sym.st_value;
        }
    }
}

std::string range_text(const ElfSegment& s) {
    return hex(s.address) + ".." + hex(uint64_t{s.address} + s.memory_bytes - 1);
}

// Two segments loaded at the same bytes: whichever is written last would win silently.
void check_no_overlap(const ElfImage& image) {
    std::vector<const ElfSegment*> by_address;
    for (const auto& s : image.segments) by_address.push_back(&s);
    std::sort(by_address.begin(), by_address.end(),
              [](const ElfSegment* a, const ElfSegment* b) { return a->address < b->address; });
    for (std::size_t i = 1; i < by_address.size(); ++i) {
        const ElfSegment& a = *by_address[i - 1];
        const ElfSegment& b = *by_address[i];
        if (uint64_t{a.address} + a.memory_bytes > b.address)
            throw fail(image.path, segment_name(a.header) + " (" + range_text(a) + ") and " + segment_name(b.header) +
                                       " (" + range_text(b) + ") overlap");
    }
}

// The first instruction must be something the loader puts into memory (bit 0 selects
// Thumb); otherwise the run would only end in a prefetch abort.
void check_entry_is_loaded(const ElfImage& image) {
    const uint32_t pc = image.entry & ~1u;
    std::string segments;
    for (const auto& s : image.segments) {
        if (pc >= s.address && uint64_t{pc} < uint64_t{s.address} + s.memory_bytes) return;
        segments += (segments.empty() ? "" : ", ") + std::to_string(s.header) + ": " + range_text(s);
    }
    throw fail(image.path, "entry point " + hex(image.entry) +
                               " is outside every loaded segment (program headers " + segments + ")");
}

}  // namespace

uint32_t ElfImage::symbol(const std::string& name) const {
    auto it = symbols.find(name);
    if (it == symbols.end()) throw fail(path, "no symbol '" + name + "' (is it a program built with software/bsp?)");
    return it->second;
}

ElfImage read_elf(const std::string& path) {
    std::ifstream f = open_input_file<ElfError>(path, "an ELF file (a program built with software/bsp)",
                                                "cpu.elf", std::ios::in | std::ios::binary);
    const std::vector<uint8_t> file((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    ElfImage image;
    image.path = path;
    if (file.size() < EI_NIDENT || std::memcmp(file.data(), ELFMAG, SELFMAG) != 0)
        throw fail(path, "not an ELF file (no \\x7fELF magic)");
    if (file[EI_CLASS] != ELFCLASS32) throw fail(path, "not a 32-bit ELF (ELFCLASS64?); expected 32-bit little-endian ARM");
    if (file[EI_DATA] != ELFDATA2LSB) throw fail(path, "not little-endian; expected 32-bit little-endian ARM");
    const auto eh = read_at<Elf32_Ehdr>(file, 0, "ELF header", path);
    if (eh.e_machine != EM_ARM)
        throw fail(path, "machine " + std::to_string(eh.e_machine) + " is not ARM (40); expected 32-bit little-endian ARM");
    if (eh.e_type != ET_EXEC) throw fail(path, "not an executable (e_type " + std::to_string(eh.e_type) + ")");
    if (eh.e_phnum == 0) throw fail(path, "no program headers: nothing to load");
    if (eh.e_phentsize != sizeof(Elf32_Phdr)) throw fail(path, "unexpected program header size " + std::to_string(eh.e_phentsize));
    image.entry = eh.e_entry;
    for (unsigned i = 0; i < eh.e_phnum; ++i) {
        const auto ph = read_at<Elf32_Phdr>(file, eh.e_phoff + uint64_t{i} * sizeof(Elf32_Phdr), "program header", path);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        if (ph.p_filesz > ph.p_memsz)
            throw fail(path, segment_name(i) + ": its file size " + hex(ph.p_filesz) + " exceeds its memory size " +
                                 hex(ph.p_memsz) + " (p_filesz > p_memsz: a corrupt header)");
        if (uint64_t{ph.p_offset} + ph.p_filesz > file.size())
            throw fail(path, segment_name(i) + " runs past the file's end (truncated ELF?)");
        if (uint64_t{ph.p_paddr} + ph.p_memsz > (uint64_t{1} << 32))
            throw fail(path, segment_name(i) + " at " + hex(ph.p_paddr) + " wraps the 32-bit address space");
        ElfSegment s;
        s.header = i;
        s.address = ph.p_paddr;
        s.memory_bytes = ph.p_memsz;
        s.bytes.assign(file.begin() + ph.p_offset, file.begin() + ph.p_offset + ph.p_filesz);
        image.segments.push_back(std::move(s));
    }
    if (image.segments.empty()) throw fail(path, "no PT_LOAD segment: nothing to load");
    check_no_overlap(image);
    check_entry_is_loaded(image);
    if (eh.e_shoff && eh.e_shentsize == sizeof(Elf32_Shdr)) read_symbols(file, eh, image);
    return image;
}

void load_elf(const ElfImage& image, const ElfWriter& write) {
    // Every segment's whole range first, before a byte is written: a corrupt p_memsz
    // (4 GB of .bss) is refused at once, not after filling memory up to where it ends.
    for (const ElfSegment& s : image.segments)
        if (!write(s.address, nullptr, s.memory_bytes))
            throw fail(image.path, segment_name(s.header) + " (" + range_text(s) + ") is not all in memory (DDR or OCM)");
    // The .bss is zeroed from one small buffer, chunk by chunk: its size costs no host memory.
    static const std::array<uint8_t, 64 * 1024> kZeros{};
    for (const ElfSegment& s : image.segments) {
        bool ok = s.bytes.empty() || write(s.address, s.bytes.data(), static_cast<uint32_t>(s.bytes.size()));
        for (uint64_t at = s.bytes.size(); ok && at < s.memory_bytes;) {
            const auto n = static_cast<uint32_t>(std::min<uint64_t>(kZeros.size(), s.memory_bytes - at));
            ok = write(s.address + static_cast<uint32_t>(at), kZeros.data(), n);
            at += n;
        }
        if (!ok)
            throw fail(image.path, segment_name(s.header) + " (" + range_text(s) + ") is not all in memory (DDR or OCM)");
    }
}

}  // namespace vp
