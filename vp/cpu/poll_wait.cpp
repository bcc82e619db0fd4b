#include "vp/cpu/poll_wait.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vp {

PollWake wait_for_poll_change(const sc_core::sc_event& change, double period_ps, double due_ps) {
    const sc_core::sc_time start = sc_core::sc_time_stamp();
    const bool idle = !sc_core::sc_pending_activity();  // (before this wait adds its own)
    sc_core::wait(sc_core::sc_time(period_ps * 100000.0, sc_core::SC_PS), change);
    // In whole time units, then ps: exact at the usual 1 ps resolution, so a wake-up on
    // an exact multiple of the period stays on that grid point.
    const double ps_per_unit = sc_core::sc_get_time_resolution().to_seconds() * 1e12;
    PollWake w;
    w.woke_ps = static_cast<double>((sc_core::sc_time_stamp() - start).value()) * ps_per_unit;
    w.periods = std::ceil(w.woke_ps / period_ps);
    w.resume_ps = std::max(w.periods * period_ps, due_ps);
    w.platform_idle = idle;
    return w;
}

bool PollHangWatch::hung_after(uint64_t address, uint64_t value, bool changed, const PollWake& wake) {
    const bool stuck = !changed && wake.platform_idle;
    if (!stuck || address != address_ || value != value_) stuck_ps_ = 0;
    address_ = address;
    value_ = value;
    if (!stuck) return false;
    stuck_ps_ += wake.resume_ps;
    return limit_ps_ > 0 && stuck_ps_ >= limit_ps_;
}

std::string PollHangWatch::describe() const {
    std::ostringstream os;
    os << "the program hung: for " << stuck_ps_ * 1e-12 << " s of simulated time it polled address 0x" << std::hex
       << address_ << " (value 0x" << value_ << std::dec
       << "), which nothing in the platform can change any more (no activity is pending); "
          "stopped by cpu.poll_hang_s";
    return os.str();
}

}  // namespace vp

