// Platform and scenario configuration: INI files plus command-line overrides, checked
// against a schema in which every key has a type, a default, a unit and a description.
//
// Precedence (later wins): schema default < platform file < scenario file <
// command-line flags < --set section.key=value. Every value remembers where it came
// from ("platforms/minized.cfg:12", "--set"), so errors and reports can name it.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace vp {

// A configuration error; the message names the file, line, key and what was expected.
struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class ParamType { Uint, Int, Double, Bool, String, Path };

struct ParamSpec {
    std::string key;           // "section.name"
    ParamType type = ParamType::String;
    std::string default_value; // as text; "" for a string/path means unset
    std::string unit;          // "Hz", "cycles", "bytes", "" ...
    std::string description;   // one line
    double min = 0;            // numeric range (inclusive), checked when has_range
    double max = 0;
    bool has_range = false;
    std::vector<std::string> choices;  // allowed values of a string key, if any
    bool preset = false;       // a Path naming a file of this section's keys (see add_preset)
    bool power_of_two = false; // a Uint that must be a power of two (see require_power_of_two)
};

class ConfigSchema {
public:
    // Fluent declaration: schema.add_uint("edgedrnn.clock_hz", 125000000, "Hz", "...", 1, 1e10)
    void add_uint(const std::string& key, uint64_t def, const std::string& unit,
                  const std::string& description, double min, double max);
    void add_int(const std::string& key, int64_t def, const std::string& unit,
                 const std::string& description, double min, double max);
    void add_double(const std::string& key, double def, const std::string& unit,
                    const std::string& description, double min, double max);
    void add_bool(const std::string& key, bool def, const std::string& description);
    void add_string(const std::string& key, const std::string& def,
                    const std::string& description, std::vector<std::string> choices = {});
    // A file path; relative paths in a file are resolved against that file's folder.
    void add_path(const std::string& key, const std::string& description);
    // A preset: a Path key ("ddr.preset") whose file holds `key = value` lines for the
    // key's own section ("tRCD = 13.125 ns" sets ddr.tRCD), without [headers]. Its values
    // rank between the schema default and every other source, so a platform file or a
    // --set can still override one value of a preset; setting the preset again (e.g. with
    // --set) first drops the values of the previous one.
    void add_preset(const std::string& key, const std::string& description);

    // Marks a declared Uint key (a bus or beat width) as a power of two: any other value is
    // refused when set, like a value out of range.
    void require_power_of_two(const std::string& key);

    const ParamSpec* find(const std::string& key) const;
    const std::map<std::string, ParamSpec>& all() const { return specs_; }
    // Keys of one section, for "did you mean" hints.
    std::vector<std::string> keys_in_section(const std::string& section) const;

private:
    void add(ParamSpec spec);
    std::map<std::string, ParamSpec> specs_;
};

class Config {
public:
    explicit Config(const ConfigSchema& schema) : schema_(&schema) {}

    // Reads an INI file ([section] headers, key = value, ';' or '#' comments). Unknown
    // keys, bad values and syntax errors throw ConfigError naming FILE:LINE.
    // A key given twice in one section of the file is an error (naming both lines); a path
    // that is not a file (a directory) too, saying it expected `expected`.
    void load_ini(const std::string& path, const std::string& expected = "a configuration file");
    // "section.key=value" from the command line; origin names the option for messages.
    void set_assignment(const std::string& assignment, const std::string& origin = "--set");
    void set(const std::string& key, const std::string& value, const std::string& origin);

    uint64_t get_uint(const std::string& key) const;
    int64_t get_int(const std::string& key) const;
    double get_double(const std::string& key) const;
    bool get_bool(const std::string& key) const;
    std::string get_string(const std::string& key) const;
    // Text of the value as given (or the default), for reports.
    std::string get_text(const std::string& key) const;
    // "platforms/x.cfg:12", "--set", or "default" (a preset's value names the preset's line).
    std::string origin(const std::string& key) const;
    // "run.outputs (--outputs)": the key and where it was set, for messages.
    std::string named(const std::string& key) const { return key + " (" + origin(key) + ")"; }
    bool is_set(const std::string& key) const { return values_.count(key) != 0; }

    const ConfigSchema& schema() const { return *schema_; }

private:
    struct Value {
        std::string text;
        std::string origin;
        bool from_preset = false;  // weaker than every explicit source
    };
    void apply_preset(const ParamSpec& preset_key, const std::string& path);
    const ParamSpec& spec_or_throw(const std::string& key, const std::string& origin) const;
    const ParamSpec& declared(const std::string& key) const;
    std::string text_of(const std::string& key) const;

    const ConfigSchema* schema_;
    std::map<std::string, Value> values_;
};

// Value parsing shared by Config and the tests: throw std::invalid_argument with what
// was expected.
// Digits may be grouped with single underscores between digits (125_000_000,
// 0xFFFF_FFFF); the number without them. '_' anywhere else (1__0, _10, 10_) throws
// DigitSeparatorError.
struct DigitSeparatorError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};
std::string strip_digit_separators(const std::string& text);
uint64_t parse_uint(const std::string& text);
int64_t parse_int(const std::string& text);
double parse_double(const std::string& text);
bool parse_bool(const std::string& text);

}  // namespace vp
