#include "vp/platform/memory_areas.h"

#include <algorithm>
#include <sstream>

#include "vp/config/config.h"

namespace vp {

std::string describe(const MemoryArea& a) {
    std::ostringstream os;
    os << a.key << " (" << a.what << ", 0x" << std::hex << a.start << "..0x" << a.end - 1 << ")";
    return os.str();
}

void check_areas_apart(const std::vector<MemoryArea>& areas, const std::string& why) {
    for (std::size_t i = 0; i < areas.size(); ++i)
        for (std::size_t j = i + 1; j < areas.size(); ++j) {
            const MemoryArea& a = areas[i];
            const MemoryArea& b = areas[j];
            if (a.group != b.group && a.start < b.end && b.start < a.end)
                throw ConfigError(describe(a) + " overlaps " + describe(b) + ": move one of them (" + why + ")");
        }
}

void check_area_in_memory(const MemoryArea& area, const AddressMap& map, const std::vector<std::string>& memories) {
    auto is_memory = [&](const AddressRegion& r) {
        return std::find(memories.begin(), memories.end(), r.name) != memories.end();
    };
    const AddressRegion* r = map.decode(area.start, area.end - area.start);
    if (r && is_memory(*r)) return;
    std::ostringstream os;
    os << describe(area) << " is not all in one memory window, expected";
    const char* sep = " ";
    for (const AddressRegion& w : map.regions())
        if (is_memory(w)) {
            os << sep << w.name << " 0x" << std::hex << w.base << "..0x" << w.last();
            sep = ", ";
        }
    throw ConfigError(os.str());
}

}  // namespace vp
