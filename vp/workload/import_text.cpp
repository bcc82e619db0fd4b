#include "vp/workload/import_text.h"

#include "vp/config/input_file.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vp::detail {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

// Removes a `//` or `/*` comment from a one-line text (a #define value, a hex line).
std::string_view strip_comment(std::string_view s) {
    const size_t slash = std::min(s.find("//"), s.find("/*"));
    return slash == std::string_view::npos ? s : s.substr(0, slash);
}

ElementType classify(const std::vector<std::string_view>& words) {
    // `signed` and `int` only decorate char/short; anything else (unsigned, long,
    // struct...) is not an element type the exporter writes.
    std::string_view base;
    for (std::string_view w : words) {
        if (w == "signed") continue;
        if (w == "int" && base == "short") continue;
        if (!base.empty()) return ElementType::Other;
        base = w;
    }
    if (base == "char" || base == "int8_t") return ElementType::Int8;
    if (base == "short" || base == "int16_t") return ElementType::Int16;
    if ((base == "float" || base == "double") && words.size() == 1) return ElementType::Real;
    return ElementType::Other;
}

bool is_qualifier(std::string_view w) {
    return w == "static" || w == "const" || w == "extern" || w == "volatile";
}

}  // namespace

// ---- TextFile ----

TextFile TextFile::load(const std::string& path, const std::string& expected) {
    std::ifstream in = open_input_file<WorkloadError>(path, expected, {}, std::ios::in | std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in)
        throw WorkloadError(path + ": cannot read the file, expected " + expected);
    TextFile f;
    f.path_ = path;
    f.text_ = std::move(buffer).str();
    return f;
}

unsigned TextFile::line_at(size_t offset) const {
    offset = std::min(offset, text_.size());
    return 1 + unsigned(std::count(text_.begin(), text_.begin() + offset, '\n'));
}

void TextFile::fail(unsigned line, const std::string& what) const {
    throw WorkloadError(path_ + ":" + std::to_string(line) + ": " + what);
}

std::string quote(std::string_view token) {
    constexpr size_t kMax = 32;
    std::string out = "'";
    for (size_t i = 0; i < token.size() && i < kMax; ++i) {
        const unsigned char c = static_cast<unsigned char>(token[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += char(c);
        } else {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    if (token.size() > kMax) out += "...";
    return out + "'";
}

// ---- line reader ----

std::vector<DataLine> data_lines(const TextFile& file) {
    std::vector<DataLine> lines;
    const std::string_view text = file.text();
    unsigned number = 1;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        const size_t comment = line.find("//");
        if (comment != std::string_view::npos) line = line.substr(0, comment);
        line = trim(line);
        if (!line.empty()) lines.push_back({number, line});
        ++number;
        pos = end + 1;
    }
    return lines;
}

// ---- format sniffing ----

TextFormat sniff_format(const std::string& path, unsigned& line) {
    constexpr size_t kSniffBytes = 64 * 1024;
    std::ifstream in(path, std::ios::in | std::ios::binary);
    std::string head(kSniffBytes, '\0');
    in.read(&head[0], static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    const std::string_view text = head;
    line = 1;
    size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '\n') {
            ++line;
            ++pos;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++pos;
        } else if (text.compare(pos, 2, "//") == 0) {
            pos = text.find('\n', pos);
            if (pos == std::string_view::npos) return TextFormat::Unknown;
        } else if (text.compare(pos, 2, "/*") == 0) {
            const size_t end = text.find("*/", pos + 2);
            if (end == std::string_view::npos) return TextFormat::Unknown;
            for (size_t i = pos; i < end; ++i) line += text[i] == '\n';
            pos = end + 2;
        } else {
            break;
        }
    }
    if (pos >= text.size()) return TextFormat::Unknown;
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(pos, end - pos);
    for (const char* comment : {"//", "/*"}) {
        const size_t at = content.find(comment);
        if (at != std::string_view::npos) content = content.substr(0, at);
    }
    content = trim(content);
    if (content.empty()) return TextFormat::Unknown;  // code after a comment on one line: rare, not sniffed
    if (content.front() == '#' || content.find_first_of("={};[") != std::string_view::npos)
        return TextFormat::CSource;
    const bool all_hex = content.size() >= 4 && content.find_first_not_of("0123456789abcdefABCDEF") ==
                                                    std::string_view::npos;
    return all_hex ? TextFormat::TestbenchHex : TextFormat::Unknown;
}

// ---- number literals ----

bool parse_c_integer(std::string_view s, uint64_t& value) {
    while (!s.empty() && (s.back() == 'u' || s.back() == 'U' || s.back() == 'l' || s.back() == 'L'))
        s.remove_suffix(1);
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s.remove_prefix(2);
    } else if (s.size() > 1 && s[0] == '0') {
        base = 8;  // C: a leading 0 means octal
        s.remove_prefix(1);
    }
    if (s.empty()) return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
    return ec == std::errc() && ptr == s.data() + s.size();
}

bool parse_c_real(std::string_view s, double& value) {
    const bool hex = s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    const bool floating = !hex && s.find_first_of(".eE") != std::string_view::npos;
    if (!floating) {
        uint64_t i = 0;
        if (!parse_c_integer(s, i)) return false;
        value = double(i);
        return true;
    }
    if (!s.empty() && (s.back() == 'f' || s.back() == 'F' || s.back() == 'l' || s.back() == 'L'))
        s.remove_suffix(1);
    if (s.empty() || !(is_digit(s[0]) || s[0] == '.')) return false;  // from_chars takes "inf"
    const auto [ptr, ec] =
        std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
    return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(value);
}

// ---- CSource ----

CSource CSource::load(const std::string& path, const std::string& expected) {
    CSource c;
    c.file_ = TextFile::load(path, expected);
    c.tokenize();
    c.scan_declarations();
    return c;
}

const Define* CSource::find_define(const std::string& name) const {
    const auto it = defines_.find(name);
    return it == defines_.end() ? nullptr : &it->second;
}

const ArrayDef* CSource::find_array(const std::string& name) const {
    const auto it = arrays_.find(name);
    return it == arrays_.end() ? nullptr : &it->second;
}

size_t CSource::count_elements(const ArrayDef& a) const {
    size_t n = 0;
    walk_initializer(a, "comma-separated numbers", [&](bool, const Token&) { ++n; });
    return n;
}

void CSource::tokenize() {
    const std::string_view s = file_.text();
    tokens_.reserve(s.size() / 3 + 16);  // ~ one token per 2-4 bytes of initializer text
    bool line_start = true;  // only blanks since the last newline: a # starts a directive
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\n') {
            line_start = true;
            ++i;
        } else if (is_blank(c)) {
            ++i;
        } else if (s.compare(i, 2, "//") == 0) {
            i = std::min(s.find('\n', i), s.size());
        } else if (s.compare(i, 2, "/*") == 0) {
            const size_t end = s.find("*/", i + 2);
            if (end == std::string_view::npos)
                file_.fail_at(i, "comment opened here is not closed, expected '*/'");
            i = end + 2;
        } else if (c == '#' && line_start) {
            directive(i);
        } else {
            line_start = false;
            const size_t start = i;
            TokenKind kind = TokenKind::Punct;
            if (is_ident_start(c)) {
                kind = TokenKind::Identifier;
                while (i < s.size() && is_ident_char(s[i])) ++i;
            } else if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
                // A C preprocessing number: digits, letters, dots, and a sign right after
                // an exponent letter (1e-3); parse_c_* judge its validity later.
                kind = TokenKind::Number;
                ++i;
                while (i < s.size()) {
                    const char d = s[i];
                    const char prev = s[i - 1];
                    if (is_ident_char(d) || d == '.' ||
                        ((d == '+' || d == '-') &&
                         (prev == 'e' || prev == 'E' || prev == 'p' || prev == 'P')))
                        ++i;
                    else
                        break;
                }
            } else if (c == '"' || c == '\'') {
                kind = TokenKind::String;
                ++i;
                while (i < s.size() && s[i] != c && s[i] != '\n') i += (s[i] == '\\') ? 2 : 1;
                if (i >= s.size() || s[i] != c)
                    file_.fail_at(start, "string or character literal is not closed, expected " +
                                             std::string(1, c));
                ++i;
            } else if (std::strchr("{}[]();,=*-+.&<>!~%^|?:/", c) != nullptr) {
                ++i;
            } else {
                file_.fail_at(i, "unexpected character " + quote(s.substr(i, 1)) +
                                     ", expected C source (declarations with initializers)");
            }
            tokens_.push_back({kind, s.substr(start, i - start), start});
        }
    }
    tokens_.push_back({TokenKind::End, {}, s.size()});
}

// Reads one preprocessor line starting at s[i] == '#'. Only #define NAME VALUE matters
// (shape macros); #include and guards are skipped.
void CSource::directive(size_t& i) {
    const std::string_view s = file_.text();
    const size_t start = i;
    size_t end = s.find('\n', i);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = trim(strip_comment(s.substr(i + 1, end - i - 1)));
    i = end;
    if (line.substr(0, 6) != "define" || line.size() == 6 || !is_blank(line[6])) return;
    line = trim(line.substr(6));
    size_t n = 0;
    while (n < line.size() && is_ident_char(line[n])) ++n;
    if (n == 0 || !is_ident_start(line[0]))
        file_.fail_at(start, "#define without a macro name, expected #define NAME VALUE");
    const std::string name(line.substr(0, n));
    if (n < line.size() && line[n] == '(') return;  // function-like macro: not a shape value
    const auto [it, inserted] = defines_.emplace(name, Define{trim(line.substr(n)), start});
    if (!inserted && it->second.value != trim(line.substr(n)))
        file_.fail_at(start, "macro " + name + " redefined with a different value, expected " +
                                 "one definition (first at line " +
                                 std::to_string(file_.line_at(it->second.offset)) + ")");
}

// Splits the token stream into top-level declarations: up to a ';' outside braces, or
// up to the '}' closing a body that is not an initializer (a function definition).
void CSource::scan_declarations() {
    size_t k = 0;
    while (tokens_[k].kind != TokenKind::End) {
        const size_t begin = k;
        int depth = 0;
        bool initializer = false;  // saw '=' outside braces
        size_t opened = 0;
        for (;; ++k) {
            const Token& t = tokens_[k];
            if (t.kind == TokenKind::End) {
                if (depth > 0)
                    file_.fail(file_.last_line(),
                               "end of file inside the braces opened at line " +
                                   std::to_string(file_.line_at(tokens_[opened].offset)) +
                                   " (truncated file?), expected '}' and ';'");
                file_.fail(file_.last_line(),
                           "end of file inside the declaration starting at line " +
                               std::to_string(file_.line_at(tokens_[begin].offset)) +
                               " (truncated file?), expected ';'");
            }
            if (depth == 0 && t.is('=')) initializer = true;
            if (t.is('{') && depth++ == 0) opened = k;
            if (t.is('}')) {
                if (depth == 0) file_.fail_at(t.offset, "'}' without a matching '{'");
                if (--depth == 0 && !initializer) break;
            }
            if (depth == 0 && t.is(';')) break;
        }
        ++k;
        record_declaration(begin, k);
    }
}

// Records `qualifiers type NAME [size] attributes = { ... };`; other declarations
// (extern, scalars, strings, functions, multi-dimensional arrays) are ignored.
void CSource::record_declaration(size_t begin, size_t end) {
    constexpr size_t npos = std::string_view::npos;
    std::vector<std::string_view> words;  // identifiers before '[', attributes skipped
    size_t bracket = npos;
    for (size_t k = begin; k < end && bracket == npos; ++k) {
        const Token& t = tokens_[k];
        if (t.kind == TokenKind::Identifier && t.text == "__attribute__") {
            k = skip_parens(k + 1, end) - 1;
        } else if (t.kind == TokenKind::Identifier) {
            words.push_back(t.text);
        } else if (t.is('[') && k > begin && tokens_[k - 1].kind == TokenKind::Identifier) {
            bracket = k;
        } else {
            return;  // '=', '(', '*'...: not an array definition
        }
    }
    if (bracket == npos || words.size() < 2) return;
    size_t close_bracket = bracket + 1;
    while (close_bracket < end && !tokens_[close_bracket].is(']')) ++close_bracket;
    if (close_bracket == end)
        file_.fail_at(tokens_[bracket].offset, "'[' without ']', expected NAME[SIZE]");
    size_t eq = close_bracket + 1;
    while (eq < end && tokens_[eq].kind == TokenKind::Identifier &&
           tokens_[eq].text == "__attribute__")
        eq = skip_parens(eq + 1, end);
    if (eq + 1 >= end || !tokens_[eq].is('=') || !tokens_[eq + 1].is('{')) return;
    // scan_declarations ended the declaration at a ';' outside braces, so the braces
    // are balanced: find the '}' matching the initializer's '{'.
    size_t close = eq + 1;
    for (int depth = 0;; ++close) {
        depth += tokens_[close].is('{') - tokens_[close].is('}');
        if (depth == 0) break;
    }
    const std::string name(words.back());
    if (close + 2 != end)
        file_.fail_at(tokens_[close + 1].offset, "unexpected " + quote(tokens_[close + 1].text) +
                                                     " after the initializer of " + name +
                                                     ", expected ';'");
    std::vector<std::string_view> type_words;
    std::string type;
    for (size_t w = 0; w + 1 < words.size(); ++w) {
        if (is_qualifier(words[w])) continue;
        type_words.push_back(words[w]);
        type += (type.empty() ? "" : " ") + std::string(words[w]);
    }
    const ArrayDef a{tokens_[bracket - 1].text, type, classify(type_words),
                     tokens_[bracket - 1].offset, bracket + 1, close_bracket, eq + 1, close};
    const auto [it, inserted] = arrays_.emplace(name, a);
    if (!inserted)
        file_.fail_at(a.name_offset, "array " + name +
                                         " defined twice, expected one definition (first at line " +
                                         std::to_string(file_.line_at(it->second.name_offset)) + ")");
}

// Index just past the balanced parenthesis group starting at tokens_[k] (or k itself
// when no '(' is there).
size_t CSource::skip_parens(size_t k, size_t end) const {
    if (k >= end || !tokens_[k].is('(')) return k;
    int depth = 0;
    for (; k < end; ++k) {
        depth += tokens_[k].is('(') - tokens_[k].is(')');
        if (depth == 0) return k + 1;
    }
    return end;
}

}  // namespace vp::detail
