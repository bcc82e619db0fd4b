// The statistics registry: every model registers named counters with a unit and a
// one-line description. Models keep plain integers on their hot paths and register a
// pointer to them, so counting costs nothing more than an increment.
//
// Names are flat, dot-separated ("edgedrnn.columns", "hp0.rd.bytes") and are the keys of
// the --stats-json object; they are a public interface: never rename one.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace vp {

class Stats {
public:
    enum class Kind { Integer, Real };

    // Registers a counter owned by a model (it must outlive the registry's use).
    void add_counter(const std::string& name, const uint64_t* value, const std::string& unit,
                     const std::string& description);
    // Registers a counter computed when read (a sum of counters kept elsewhere, so a hot
    // path records once what several counters show); read and written as an integer.
    void add_counter(const std::string& name, std::function<uint64_t()> compute,
                     const std::string& unit, const std::string& description);
    // Registers a value computed on demand (rates, ratios, means).
    void add_derived(const std::string& name, std::function<double()> compute,
                     const std::string& unit, const std::string& description);
    // Stores a fixed value (e.g. results computed by the job runner).
    void set_value(const std::string& name, double value, const std::string& unit,
                   const std::string& description);
    void set_integer(const std::string& name, uint64_t value, const std::string& unit,
                     const std::string& description);

    bool has(const std::string& name) const { return entries_.count(name) != 0; }
    double value(const std::string& name) const;

    nlohmann::json to_json() const;
    // A human table: name, value, unit, description.
    std::string to_table() const;

private:
    struct Entry {
        Kind kind = Kind::Integer;
        const uint64_t* counter = nullptr;
        std::function<double()> compute;
        std::function<uint64_t()> compute_integer;
        uint64_t fixed_integer = 0;
        double fixed_real = 0;
        bool fixed = false;
        std::string unit;
        std::string description;
    };
    void insert(const std::string& name, Entry entry);
    std::map<std::string, Entry> entries_;
};

}  // namespace vp
