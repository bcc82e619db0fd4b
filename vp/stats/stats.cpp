#include "vp/stats/stats.h"

#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace vp {

void Stats::insert(const std::string& name, Entry entry) {
    // A name registered twice would silently hide one model's counter.
    if (entries_.count(name) && !entries_.at(name).fixed)
        throw std::logic_error("statistic '" + name + "' registered twice");
    entries_[name] = std::move(entry);
}

void Stats::add_counter(const std::string& name, const uint64_t* value, const std::string& unit,
                        const std::string& description) {
    Entry e;
    e.counter = value;
    e.unit = unit;
    e.description = description;
    insert(name, std::move(e));
}

void Stats::add_counter(const std::string& name, std::function<uint64_t()> compute,
                        const std::string& unit, const std::string& description) {
    Entry e;
    e.compute_integer = std::move(compute);
    e.unit = unit;
    e.description = description;
    insert(name, std::move(e));
}

void Stats::add_derived(const std::string& name, std::function<double()> compute,
                        const std::string& unit, const std::string& description) {
    Entry e;
    e.kind = Kind::Real;
    e.compute = std::move(compute);
    e.unit = unit;
    e.description = description;
    insert(name, std::move(e));
}

void Stats::set_value(const std::string& name, double value, const std::string& unit,
                      const std::string& description) {
    Entry e;
    e.kind = Kind::Real;
    e.fixed = true;
    e.fixed_real = value;
    e.unit = unit;
    e.description = description;
    insert(name, std::move(e));
}

void Stats::set_integer(const std::string& name, uint64_t value, const std::string& unit,
                        const std::string& description) {
    Entry e;
    e.fixed = true;
    e.fixed_integer = value;
    e.unit = unit;
    e.description = description;
    insert(name, std::move(e));
}

double Stats::value(const std::string& name) const {
    const auto it = entries_.find(name);
    if (it == entries_.end()) throw std::out_of_range("no statistic '" + name + "'");
    const Entry& e = it->second;
    if (e.counter) return static_cast<double>(*e.counter);
    if (e.compute_integer) return static_cast<double>(e.compute_integer());
    if (e.compute) return e.compute();
    return e.kind == Kind::Integer ? static_cast<double>(e.fixed_integer) : e.fixed_real;
}

nlohmann::json Stats::to_json() const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, e] : entries_) {
        if (e.counter)
            out[name] = *e.counter;
        else if (e.compute_integer)
            out[name] = e.compute_integer();
        else if (e.kind == Kind::Integer)
            out[name] = e.fixed_integer;
        else
            out[name] = value(name);
    }
    return out;
}

std::string Stats::to_table() const {
    std::ostringstream os;
    char line[512];
    for (const auto& [name, e] : entries_) {
        const double v = value(name);
        if (e.kind == Kind::Integer)
            std::snprintf(line, sizeof line, "  %-34s %16.0f %-8s %s\n", name.c_str(), v,
                          e.unit.c_str(), e.description.c_str());
        else
            std::snprintf(line, sizeof line, "  %-34s %16.6g %-8s %s\n", name.c_str(), v,
                          e.unit.c_str(), e.description.c_str());
        os << line;
    }
    return os.str();
}

}  // namespace vp
