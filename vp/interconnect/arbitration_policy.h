// Who goes first when transactions compete for a port's channel: a small interface,
// chosen by the config key <ic>.arbitration, used by the "contention" timing policy.
//
// An arbiter maps a transaction to a rank (0..kRanks-1, higher is served first); the
// channel (ranked_channel.h) then serves ranks in order and equal ranks in call order.
// Loosely timed, an arbiter never sees a queue of simultaneous requests (each
// b_transport is served alone, in the order the initiators call); ranking is how a
// policy's choice shows up anyway: a higher rank does not wait behind lower-ranked
// traffic already booked on the channel, and pushes that traffic back instead.
//
//   round_robin     every initiator has the same rank: served in call order. Because an
//                   initiator's b_transport is blocking, each has at most one transaction
//                   waiting at any moment, and round robin over such a set is first come,
//                   first served; the LT difference is that "first" means first called
//                   (within a quantum an initiator that runs ahead books ahead).
//   fixed_priority  rank by initiator port: <ic>.priority_order lists port names, highest
//                   first; unlisted ports rank below all listed ones, in the order added.
//   qos             rank = the transaction's AxQOS (AxiExtension::qos; 0 without one).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vp {

constexpr unsigned kArbitrationRanks = 16;  // AxQOS has 4 bits

class ArbitrationPolicy {
public:
    virtual ~ArbitrationPolicy() = default;
    virtual const char* name() const = 0;
    // Called once the initiator ports are known (their names, in port index order).
    virtual void configure(const std::vector<std::string>& /*initiator_names*/) {}
    // 0..kArbitrationRanks-1; a function of its arguments only (after configure): the
    // contention policy tabulates it once.
    virtual unsigned rank(unsigned initiator, uint8_t qos) const = 0;
};

class RoundRobinArbitration final : public ArbitrationPolicy {
public:
    const char* name() const override { return "round_robin"; }
    unsigned rank(unsigned, uint8_t) const override { return 0; }
};

class FixedPriorityArbitration final : public ArbitrationPolicy {
public:
    // `order`: port names, highest priority first.
    explicit FixedPriorityArbitration(std::vector<std::string> order) : order_(std::move(order)) {}
    const char* name() const override { return "fixed_priority"; }
    void configure(const std::vector<std::string>& initiator_names) override;
    unsigned rank(unsigned initiator, uint8_t) const override {
        return initiator < ranks_.size() ? ranks_[initiator] : 0;
    }

private:
    std::vector<std::string> order_;
    std::vector<unsigned> ranks_;  // per initiator port
};

class QosArbitration final : public ArbitrationPolicy {
public:
    const char* name() const override { return "qos"; }
    unsigned rank(unsigned, uint8_t qos) const override {
        return qos < kArbitrationRanks ? qos : kArbitrationRanks - 1;
    }
};

// name: round_robin | fixed_priority | qos; priority_order: comma-separated port names
// (fixed_priority). Throws ConfigError naming the choices.
std::unique_ptr<ArbitrationPolicy> make_arbitration_policy(const std::string& name,
                                                           const std::string& priority_order);
std::vector<std::string> arbitration_policy_names();

// <ic>.priority_order's port names ("a, b" -> {"a", "b"}; blanks dropped).
std::vector<std::string> parse_priority_order(const std::string& priority_order);
// Throws ConfigError("<key>: ... names port 'x', which is not an initiator port ...") for a
// listed name that is not in initiator_names. Checked whatever the arbitration: a typo
// must not lie dormant until fixed_priority is chosen.
void check_priority_order(const std::vector<std::string>& order, const std::vector<std::string>& initiator_names,
                          const std::string& key = "priority_order");

}  // namespace vp
