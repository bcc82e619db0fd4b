#include "vp/config/config.h"

#include "vp/config/ini_reader.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <sstream>

namespace vp {
namespace {


// Exactly, as written in the schema: integers in full (1048576, not 1.04858e+06).
std::string format_number(double v) {
    std::ostringstream os;
    if (v == std::floor(v) && std::fabs(v) < 9.2e18) os << static_cast<long long>(v);
    else if (v == std::floor(v) && v > 0 && v < 1.8446744073709552e19) os << static_cast<unsigned long long>(v);
    else os << std::setprecision(15) << v;
    return os.str();
}

std::string type_expectation(const ParamSpec& spec) {
    std::ostringstream os;
    switch (spec.type) {
    // (With a range, the range says the sign: "an integer from 1", not "non-negative ... from 1".)
    case ParamType::Uint: os << (spec.has_range ? "an integer" : "a non-negative integer"); break;
    case ParamType::Int: os << "an integer"; break;
    case ParamType::Double: os << "a number"; break;
    case ParamType::Bool: os << "true or false"; break;
    case ParamType::String:
    case ParamType::Path: os << "a text value"; break;
    }
    if (!spec.unit.empty()) os << " in " << spec.unit;
    if (spec.has_range) os << " from " << format_number(spec.min) << " to " << format_number(spec.max);
    if (spec.power_of_two) os << ", a power of two";
    if (!spec.choices.empty()) {
        os << ", one of:";
        for (const auto& c : spec.choices) os << ' ' << c;
    }
    return os.str();
}

std::string section_of(const std::string& key) {
    const auto dot = key.find('.');
    return dot == std::string::npos ? key : key.substr(0, dot);
}

}  // namespace

std::string strip_digit_separators(const std::string& text) {
    const bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    auto digit = [&](std::size_t i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        return hex && i >= 2 ? std::isxdigit(c) != 0 : std::isdigit(c) != 0;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '_') {
            out += text[i];
            continue;
        }
        if (i == 0 || i + 1 == text.size() || !digit(i - 1) || !digit(i + 1))
            throw DigitSeparatorError("'_' may only stand singly between two digits (125_000_000)");
    }
    return out;
}

uint64_t parse_uint(const std::string& raw) {
    const std::string text = strip_digit_separators(trim(raw));
    if (text.empty() || text[0] == '-' || text[0] == '+')
        throw std::invalid_argument("not a non-negative integer");
    errno = 0;
    char* end = nullptr;
    const bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    const unsigned long long v = std::strtoull(text.c_str(), &end, hex ? 16 : 10);
    if (errno == 0 && end && *end == '\0') return v;
    // Accept an exactly integral number written as a float (125e6).
    const double d = parse_double(text);
    if (d < 0 || d != std::floor(d) || d > 1.8e19)
        throw std::invalid_argument("not a non-negative integer");
    return static_cast<uint64_t>(d);
}

int64_t parse_int(const std::string& raw) {
    const std::string text = strip_digit_separators(trim(raw));
    if (text.empty()) throw std::invalid_argument("not an integer");
    const bool neg = text[0] == '-';
    const uint64_t mag = parse_uint(neg || text[0] == '+' ? text.substr(1) : text);
    if (mag > (neg ? 9223372036854775808ull : 9223372036854775807ull))
        throw std::invalid_argument("integer out of range");
    return neg ? static_cast<int64_t>(0 - mag) : static_cast<int64_t>(mag);
}

double parse_double(const std::string& raw) {
    const std::string text = strip_digit_separators(trim(raw));
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || errno != 0 || !end || *end != '\0' || !std::isfinite(v))
        throw std::invalid_argument("not a number");
    return v;
}

bool parse_bool(const std::string& raw) {
    const std::string t = trim(raw);
    if (t == "true" || t == "1" || t == "yes" || t == "on") return true;
    if (t == "false" || t == "0" || t == "no" || t == "off") return false;
    throw std::invalid_argument("not true/false");
}

// ---------------------------------------------------------------------------- schema

void ConfigSchema::add(ParamSpec spec) {
    const std::string key = spec.key;
    specs_[key] = std::move(spec);
}

void ConfigSchema::add_uint(const std::string& key, uint64_t def, const std::string& unit,
                            const std::string& description, double min, double max) {
    add({key, ParamType::Uint, std::to_string(def), unit, description, min, max, true, {}});
}

void ConfigSchema::add_int(const std::string& key, int64_t def, const std::string& unit,
                           const std::string& description, double min, double max) {
    add({key, ParamType::Int, std::to_string(def), unit, description, min, max, true, {}});
}

void ConfigSchema::add_double(const std::string& key, double def, const std::string& unit,
                              const std::string& description, double min, double max) {
    std::ostringstream os;
    os << def;
    add({key, ParamType::Double, os.str(), unit, description, min, max, true, {}});
}

void ConfigSchema::add_bool(const std::string& key, bool def, const std::string& description) {
    add({key, ParamType::Bool, def ? "true" : "false", "", description, 0, 0, false, {}});
}

void ConfigSchema::add_string(const std::string& key, const std::string& def,
                              const std::string& description,
                              std::vector<std::string> choices) {
    add({key, ParamType::String, def, "", description, 0, 0, false, std::move(choices)});
}

void ConfigSchema::add_path(const std::string& key, const std::string& description) {
    add({key, ParamType::Path, "", "", description, 0, 0, false, {}});
}

void ConfigSchema::require_power_of_two(const std::string& key) {
    const auto it = specs_.find(key);
    if (it == specs_.end() || it->second.type != ParamType::Uint)
        throw std::logic_error("require_power_of_two: '" + key + "' is not a declared integer key");
    it->second.power_of_two = true;
}

void ConfigSchema::add_preset(const std::string& key, const std::string& description) {
    ParamSpec spec{key, ParamType::Path, "", "", description, 0, 0, false, {}};
    spec.preset = true;
    add(std::move(spec));
}

const ParamSpec* ConfigSchema::find(const std::string& key) const {
    const auto it = specs_.find(key);
    return it == specs_.end() ? nullptr : &it->second;
}

std::vector<std::string> ConfigSchema::keys_in_section(const std::string& section) const {
    std::vector<std::string> keys;
    for (const auto& [key, spec] : specs_)
        if (key.compare(0, section.size() + 1, section + ".") == 0) keys.push_back(key);
    return keys;
}

// ---------------------------------------------------------------------------- config

const ParamSpec& Config::spec_or_throw(const std::string& key, const std::string& origin) const {
    if (const ParamSpec* spec = schema_->find(key)) return *spec;
    std::ostringstream os;
    os << origin << ": unknown key '" << key << "'";
    const auto dot = key.find('.');
    const auto known = schema_->keys_in_section(dot == std::string::npos ? key : key.substr(0, dot));
    if (known.empty()) {
        os << " (no such section; 'vp --help' lists every key)";
    } else {
        os << " (keys of this section:";
        for (const auto& k : known) os << ' ' << k;
        os << ")";
    }
    throw ConfigError(os.str());
}

const ParamSpec& Config::declared(const std::string& key) const {
    if (const ParamSpec* spec = schema_->find(key)) return *spec;
    throw std::logic_error("configuration key '" + key + "' is read but not declared");
}

void Config::set(const std::string& key, const std::string& raw, const std::string& origin) {
    const ParamSpec& spec = spec_or_throw(key, origin);
    const std::string value = trim(raw);
    try {
        double numeric = 0;
        switch (spec.type) {
        case ParamType::Uint: {
            const uint64_t v = parse_uint(value);
            if (spec.power_of_two && (v & (v - 1)) != 0) throw std::invalid_argument("not a power of two");
            numeric = static_cast<double>(v);
            break;
        }
        case ParamType::Int: numeric = static_cast<double>(parse_int(value)); break;
        case ParamType::Double: numeric = parse_double(value); break;
        case ParamType::Bool: parse_bool(value); break;
        case ParamType::String:
        case ParamType::Path:
            if (!spec.choices.empty()) {
                bool ok = false;
                for (const auto& c : spec.choices) ok = ok || c == value;
                if (!ok) throw std::invalid_argument("not an allowed value");
            }
            break;
        }
        if (spec.has_range && (numeric < spec.min || numeric > spec.max))
            throw std::invalid_argument("out of range");
    } catch (const DigitSeparatorError& e) {
        throw ConfigError(origin + ": key '" + key + "' = '" + value + "': " + e.what() + ", expected " +
                          type_expectation(spec));
    } catch (const std::invalid_argument&) {
        throw ConfigError(origin + ": key '" + key + "' = '" + value + "': expected " +
                          type_expectation(spec));
    }
    values_[key] = {value, origin, false};
    if (spec.preset) apply_preset(spec, value);
}

void Config::apply_preset(const ParamSpec& preset_key, const std::string& path) {
    const std::string section = section_of(preset_key.key);
    // A new preset replaces the previous one's values (explicit values stay).
    for (auto it = values_.begin(); it != values_.end();)
        it = it->second.from_preset && section_of(it->first) == section ? values_.erase(it) : std::next(it);
    if (path.empty()) return;
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    IniDuplicateCheck duplicates;
    read_ini(path, [&](const IniLine& line) {
        if (line.is_section)
            throw ConfigError(line.where + ": a preset for [" + section + "] (" + preset_key.key +
                              ") holds that section's keys only, without [section] headers");
        IniLine in_section = line;  // (a preset's keys belong to the preset key's section)
        in_section.section = section;
        duplicates.check(in_section);
        const std::string key = section + "." + line.key;
        const ParamSpec& spec = spec_or_throw(key, line.where);
        if (spec.preset)
            throw ConfigError(line.where + ": a preset cannot name another preset ('" + key + "')");
        const auto existing = values_.find(key);
        if (existing != values_.end() && !existing->second.from_preset) return;  // explicit wins
        std::string value = line.value;
        if (spec.type == ParamType::Path && !value.empty() && std::filesystem::path(value).is_relative())
            value = (folder / value).lexically_normal().string();
        set(key, value, line.where);
        values_[key].from_preset = true;
    }, "a " + section + " preset file", preset_key.key);
}

void Config::set_assignment(const std::string& assignment, const std::string& origin) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || trim(assignment.substr(0, eq)).find('.') == std::string::npos)
        throw ConfigError(origin + ": '" + assignment + "': expected section.key=value");
    set(trim(assignment.substr(0, eq)), assignment.substr(eq + 1), origin);
}

void Config::load_ini(const std::string& path, const std::string& expected) {
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    IniDuplicateCheck duplicates;
    read_ini(path, [&](const IniLine& line) {
        if (line.is_section) return;
        if (line.section.empty())
            throw ConfigError(line.where + ": key '" + line.key + "' before any [section] header");
        duplicates.check(line);
        const std::string key = line.section + "." + line.key;
        std::string value = line.value;
        const ParamSpec& spec = spec_or_throw(key, line.where);
        // Paths in a file are relative to that file, so a scenario can be run from anywhere.
        if (spec.type == ParamType::Path && !value.empty() &&
            std::filesystem::path(value).is_relative())
            value = (folder / value).lexically_normal().string();
        set(key, value, line.where);
    }, expected);
}

std::string Config::text_of(const std::string& key) const {
    const auto it = values_.find(key);
    return it == values_.end() ? declared(key).default_value : it->second.text;
}

std::string Config::get_text(const std::string& key) const {
    declared(key);
    return text_of(key);
}

std::string Config::origin(const std::string& key) const {
    const auto it = values_.find(key);
    return it == values_.end() ? "default" : it->second.origin;
}

uint64_t Config::get_uint(const std::string& key) const {
    declared(key);
    return parse_uint(text_of(key));
}
int64_t Config::get_int(const std::string& key) const {
    declared(key);
    return parse_int(text_of(key));
}
double Config::get_double(const std::string& key) const {
    declared(key);
    return parse_double(text_of(key));
}
bool Config::get_bool(const std::string& key) const {
    declared(key);
    return parse_bool(text_of(key));
}
std::string Config::get_string(const std::string& key) const {
    declared(key);
    return text_of(key);
}

}  // namespace vp
