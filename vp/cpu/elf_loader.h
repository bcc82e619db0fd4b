// Reads a bare-metal ARM executable: a 32-bit little-endian ELF for EM_ARM, its PT_LOAD
// segments (physical addresses), entry point and symbol table. Anything else is refused
// with a message naming the file and what is wrong, before the simulation starts.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace vp {

class ElfError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ElfSegment {
    uint32_t address = 0;        // physical (p_paddr): where the loader puts it
    uint32_t memory_bytes = 0;   // p_memsz: bytes beyond the file's are zero (.bss)
    std::vector<uint8_t> bytes;  // p_filesz bytes from the file
    unsigned header = 0;         // its program header's number, which messages call it by
};

struct ElfImage {
    std::string path;
    uint32_t entry = 0;
    std::vector<ElfSegment> segments;
    std::map<std::string, uint32_t> symbols;  // function and object symbols (Thumb bit cleared)

    // The symbol's address; throws ElfError naming it when the file has no such symbol.
    uint32_t symbol(const std::string& name) const;
};

// Throws ElfError("cpu.elf: <path>: <what>") for a missing file (or a directory), a file that is not a 32-bit
// little-endian ARM executable, headers and segments that run past the file's end, two
// PT_LOAD segments that overlap (naming both program headers), or an entry point outside
// every PT_LOAD segment.
ElfImage read_elf(const std::string& path);

// Checks every segment's whole range first, with write(address, nullptr, bytes), which
// must write nothing and return whether [address, address + bytes) is all memory; then
// writes every segment (file bytes, then zeros up to its memory size, in chunks of at most
// 64 KiB) with `write`, which returns false when the range is not memory. Throws ElfError
// naming the segment when a range is not memory (before anything is written).
using ElfWriter = std::function<bool(uint32_t address, const uint8_t* data, uint32_t bytes)>;
void load_elf(const ElfImage& image, const ElfWriter& write);

}  // namespace vp
