#include <cstdlib>

#include <systemc>

#include "vp/common/stop_request.h"
#include "vp/platform/cli.h"

int sc_main(int argc, char* argv[]) {
    vp::install_stop_request_handlers();
    return vp::run_cli(argc, argv);
}

// Under -DVP_SANITIZE=ON: allocations inside libsystemc itself (kernel objects of threads
// left waiting at the end of a run) are not the project's leaks.
extern "C" const char* __lsan_default_suppressions() { return "leak:libsystemc\n"; }

// Our own entry point, so the SystemC banner can be switched off before the kernel
// starts; sc_elab_and_sim then calls sc_main as libsystemc's main() would.
int main(int argc, char* argv[]) {
    setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0);
    return sc_core::sc_elab_and_sim(argc, argv);
}
