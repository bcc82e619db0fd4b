#include "vp/interconnect/arbitration_policy.h"

#include <sstream>

#include "vp/config/config.h"

namespace vp {

void check_priority_order(const std::vector<std::string>& order, const std::vector<std::string>& names,
                          const std::string& key) {
    for (const std::string& listed : order) {
        bool found = false;
        for (const std::string& n : names) found = found || n == listed;
        if (!found) {
            std::string known;
            for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
            throw ConfigError(key + " names port '" + listed +
                              "', which is not an initiator port of this interconnect (ports: " +
                              known + ")");
        }
    }
}

std::vector<std::string> parse_priority_order(const std::string& priority_order) {
    std::vector<std::string> order;
    std::stringstream ss(priority_order);
    std::string item;
    while (std::getline(ss, item, ',')) {
        const auto b = item.find_first_not_of(" \t");
        const auto e = item.find_last_not_of(" \t");
        if (b != std::string::npos) order.push_back(item.substr(b, e - b + 1));
    }
    return order;
}

void FixedPriorityArbitration::configure(const std::vector<std::string>& names) {
    check_priority_order(order_, names);
    // Listed ports from the top rank down; the rest share the rank below the last listed
    // (equal rank: call order among them).
    ranks_.assign(names.size(), 0);
    const unsigned top = kArbitrationRanks - 1;
    const unsigned listed = static_cast<unsigned>(order_.size());
    const unsigned unlisted_rank = listed >= top ? 0 : top - listed;
    for (unsigned i = 0; i < names.size(); ++i) {
        ranks_[i] = unlisted_rank;
        for (unsigned k = 0; k < listed; ++k)
            if (order_[k] == names[i]) ranks_[i] = k >= top ? 0 : top - k;
    }
}

std::vector<std::string> arbitration_policy_names() { return {"round_robin", "fixed_priority", "qos"}; }

std::unique_ptr<ArbitrationPolicy> make_arbitration_policy(const std::string& name,
                                                           const std::string& priority_order) {
    if (name == "round_robin") return std::make_unique<RoundRobinArbitration>();
    if (name == "qos") return std::make_unique<QosArbitration>();
    if (name == "fixed_priority")
        return std::make_unique<FixedPriorityArbitration>(parse_priority_order(priority_order));
    std::string choices;
    for (const std::string& n : arbitration_policy_names()) choices += (choices.empty() ? "" : ", ") + n;
    throw ConfigError("unknown arbitration policy '" + name + "', expected one of: " + choices);
}

}  // namespace vp
