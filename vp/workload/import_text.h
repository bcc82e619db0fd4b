// Reading helpers shared by the workload importers (internal to vp_workload): a whole
// file held in memory with FILE:LINE error reporting, a line reader for the hex
// testbench files and a tokenizer for the C initializers of the SDK export.
#pragma once

#include "vp/workload/workload.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vp::detail {

// A text file read in one go. Importers point at offsets or line numbers in it and
// fail() with "PATH:LINE: what" so a user can jump straight to the offending line.
class TextFile {
public:
    // `expected` says what the file should hold; it ends the "cannot open" message.
    static TextFile load(const std::string& path, const std::string& expected);

    const std::string& path() const { return path_; }
    std::string_view text() const { return text_; }
    // 1-based line of a byte offset. Counts newlines, so only for messages.
    unsigned line_at(size_t offset) const;
    // Line of the last character (a final newline does not start another line).
    unsigned last_line() const {
        return line_at(text_.empty() || text_.back() != '\n' ? text_.size() : text_.size() - 1);
    }

    [[noreturn]] void fail(unsigned line, const std::string& what) const;
    [[noreturn]] void fail_at(size_t offset, const std::string& what) const {
        fail(line_at(offset), what);
    }

private:
    std::string path_;
    std::string text_;
};

// A token quoted in a message: at most a few dozen characters, bytes that are not
// printable shown as \xNN (garbage input must not garble the message).
std::string quote(std::string_view token);

// ---- line reader (testbench hex files) ----

struct DataLine {
    unsigned number;        // 1-based physical line
    std::string_view text;  // `//` comment removed, surrounding blanks trimmed, never empty
};
// The lines that carry data; blank and comment-only lines are skipped, so they do not
// shift the line-to-address mapping.
std::vector<DataLine> data_lines(const TextFile& file);

// ---- format sniffing ----

// A stimulus of the other format (a testbench hex file where the SDK export's C source
// belongs, or the reverse) gets its own message instead of a parse error deep inside.
enum class TextFormat { TestbenchHex, CSource, Unknown };
// Judged from the first line with content (blank lines and // and /* */ comments skipped)
// within the file's first 64 KiB: only hex digits (4 or more) is a testbench file; '#' at
// its start, or one of = { } ; [ in it, is C; anything else (or an unreadable file, which
// the import itself reports) is Unknown. `line` gets that line's number.
TextFormat sniff_format(const std::string& path, unsigned& line);

// ---- C tokenizer (SDK export) ----

// Integer literal of C (decimal, 0x hex, 0 octal, u/l suffixes) without sign.
bool parse_c_integer(std::string_view literal, uint64_t& value);
// Integer or floating literal (exponent, f/l suffix) without sign; false if malformed
// or not representable as a finite double.
bool parse_c_real(std::string_view literal, double& value);

enum class TokenKind { Identifier, Number, String, Punct, End };

struct Token {
    TokenKind kind;
    std::string_view text;
    size_t offset;  // into TextFile::text()
    bool is(char punct) const {
        return kind == TokenKind::Punct && text.size() == 1 && text[0] == punct;
    }
};

struct Define {
    std::string_view value;  // replacement text, comments stripped, trimmed
    size_t offset;           // of the `#`
};

// Element types the exporter writes (signed char / short / float and their synonyms).
enum class ElementType { Int8, Int16, Real, Other };

struct ArrayDef {
    std::string_view name;
    std::string type;          // the type words as written, e.g. "signed char"
    ElementType element;
    size_t name_offset;
    size_t size_begin, size_end;  // token range between [ and ]
    size_t open, close;           // token indices of the initializer's { and }
};

// One C source file: its #defines and its array definitions with initializers, the rest
// (declarations without initializer, #include, #ifndef guards) is skipped. Throws
// WorkloadError for text no C compiler would accept at the token level (unterminated
// comment/initializer, stray bytes).
class CSource {
public:
    static CSource load(const std::string& path, const std::string& expected);

    const TextFile& file() const { return file_; }
    const std::vector<Token>& tokens() const { return tokens_; }
    const Define* find_define(const std::string& name) const;
    const ArrayDef* find_array(const std::string& name) const;

    // Calls f(offset, value) for each integer of the initializer, checked against
    // [lo, hi] (the range of the element type, named by ArrayDef::type in messages).
    template <class F>
    void for_each_integer(const ArrayDef& a, int64_t lo, int64_t hi, F&& f) const;
    // Calls f(offset, value) for each number (integer or floating) of the initializer.
    template <class F>
    void for_each_real(const ArrayDef& a, F&& f) const;
    // Number of elements of the initializer (validates its comma syntax).
    size_t count_elements(const ArrayDef& a) const;

private:
    void tokenize();
    void directive(size_t& i);
    void scan_declarations();
    void record_declaration(size_t begin, size_t end);
    size_t skip_parens(size_t k, size_t end) const;
    // Walks "[sign] number , ..." and calls f(sign_negative, number_token).
    template <class F>
    void walk_initializer(const ArrayDef& a, const char* expected, F&& f) const;

    TextFile file_;
    std::vector<Token> tokens_;
    std::map<std::string, Define, std::less<>> defines_;
    std::map<std::string, ArrayDef, std::less<>> arrays_;
};

// ---- template definitions ----

template <class F>
void CSource::walk_initializer(const ArrayDef& a, const char* expected, F&& f) const {
    size_t k = a.open + 1;
    while (k < a.close) {
        bool negative = false;
        if (tokens_[k].is('-') || tokens_[k].is('+')) {
            negative = tokens_[k].is('-');
            ++k;
        }
        const Token& t = tokens_[k];
        if (k >= a.close || t.kind != TokenKind::Number)
            file_.fail_at(t.offset, quote(t.text) + " in the initializer of " +
                                        std::string(a.name) + " is not a number, expected " +
                                        expected);
        f(negative, t);
        ++k;
        if (k < a.close && !tokens_[k].is(','))
            file_.fail_at(tokens_[k].offset,
                          quote(tokens_[k].text) + " after a value of " + std::string(a.name) +
                              ", expected ',' or '}'");
        ++k;  // the comma; a trailing comma before } is allowed
    }
}

template <class F>
void CSource::for_each_integer(const ArrayDef& a, int64_t lo, int64_t hi, F&& f) const {
    walk_initializer(a, "comma-separated integers", [&](bool negative, const Token& t) {
        uint64_t magnitude = 0;
        if (!parse_c_integer(t.text, magnitude))
            file_.fail_at(t.offset, quote(t.text) + " in " + std::string(a.name) +
                                        " is not an integer literal, expected integers of type " +
                                        a.type);
        const bool fits = negative ? magnitude <= uint64_t(-(lo + 1)) + 1 : magnitude <= uint64_t(hi);
        if (!fits)
            file_.fail_at(t.offset, quote((negative ? "-" : "") + std::string(t.text)) + " in " +
                                        std::string(a.name) + " is out of range for " + a.type +
                                        ", expected " + std::to_string(lo) + ".." +
                                        std::to_string(hi));
        const int64_t v = negative ? -int64_t(magnitude) : int64_t(magnitude);
        f(t.offset, v);
    });
}

template <class F>
void CSource::for_each_real(const ArrayDef& a, F&& f) const {
    walk_initializer(a, "comma-separated numbers", [&](bool negative, const Token& t) {
        double v = 0;
        if (!parse_c_real(t.text, v))
            file_.fail_at(t.offset, quote(t.text) + " in " + std::string(a.name) +
                                        " is not a finite number literal, expected numbers of type " +
                                        a.type);
        f(t.offset, negative ? -v : v);
    });
}

}  // namespace vp::detail
