// <ic>.priority_order is checked whatever the arbitration: a misspelt port name used to
// lie dormant (accepted) until someone chose fixed_priority.
#include <gtest/gtest.h>

#include "tests/platform/job_fixture.h"
#include "vp/interconnect/arbitration_policy.h"

namespace {

std::string error_of(const std::vector<std::pair<std::string, std::string>>& sets) {
    try {
        vp_test::run_vp_job("minized.cfg", sets);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(PriorityOrder, AnUnknownPortIsRefusedWithRoundRobinToo) {
    const std::string e = error_of({{"hp.priority_order", "edgedrnn_weights, bogus"}, {"synthetic.timesteps", "1"}});
    EXPECT_NE(e.find("hp.priority_order names port 'bogus', which is not an initiator port"), std::string::npos) << e;
}

TEST(PriorityOrder, ParsesAndChecksNames) {
    EXPECT_EQ(vp::parse_priority_order(" a, b ,,c"), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_NO_THROW(vp::check_priority_order({"b"}, {"a", "b"}, "x.priority_order"));
    EXPECT_THROW(vp::check_priority_order({"z"}, {"a", "b"}, "x.priority_order"), vp::ConfigError);
}
