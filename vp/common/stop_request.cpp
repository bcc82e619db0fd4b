#include "vp/common/stop_request.h"

namespace vp {
namespace detail {
volatile std::sig_atomic_t stop_signal = 0;
}

namespace {
extern "C" void on_stop_signal(int sig) {
    detail::stop_signal = sig;
    std::signal(sig, SIG_DFL);  // a second one ends the process at once
}
}  // namespace

void install_stop_request_handlers() {
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
}

const char* stop_request_message() {
    return detail::stop_signal == SIGTERM ? "interrupted by SIGTERM: the run was stopped where it was"
                                          : "interrupted by SIGINT: the run was stopped where it was";
}

}  // namespace vp
