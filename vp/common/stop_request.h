// Ctrl-C (SIGINT) or SIGTERM during a run: the first asks the run to stop where it is, as
// a fault would (the CPU ends the program at its next device access or time slice, then
// the summary is printed and the statistics and outputs written); a second one kills.
#pragma once

#include <csignal>

namespace vp {

void install_stop_request_handlers();

namespace detail {
extern volatile std::sig_atomic_t stop_signal;
}

// The signal that asked the run to stop, or 0.
inline int stop_requested() { return detail::stop_signal; }

// "interrupted by SIGINT: the run was stopped where it was" (for the CPU's fault).
const char* stop_request_message();

}  // namespace vp
