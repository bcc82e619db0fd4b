// The native CPU ("ISS stub"): the C driver and application, compiled for the host, run
// in an SC_THREAD. Their HAL primitives land here: register accesses become TLM
// transactions on the CPU's bus socket, timed with a quantum keeper; RAM is reached
// through DMI (plain host pointers); every HAL call also costs a configurable CPU time,
// so software overheads (polling loops, cache maintenance) appear in simulated time.
//
// Polling: when the program reads the same value from a status register that offers a
// change event (vp/common/poll_hint.h) several times in a row, the CPU waits for the event
// instead of simulating each read (cpu.poll_skip). Its next read then falls on the loop's
// own grid of iterations, so the program sees the change when polling read by read would,
// to within the variation of one read's latency; skipped reads are counted
// (cpu.polls_skipped), not transacted, so port counters show fewer register reads.
// When the read after the wait still sees the old value (no change within the wait's
// window of 100,000 iterations: a stuck device), the loop gets the skipped iterations
// back: its next reads of that register, up to the number skipped, return the value at
// once with no transaction and no time (the wait stood for that time). So a loop bounded
// by a poll count times out when reading one by one would (to within one window), fast.
//
// Limits: the host executes the software, so instruction timing is not modelled (only
// HAL calls cost time); caches are not modelled (maintenance costs time per line);
// a bus error on a CPU access is a data abort that ends the program.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "vp/common/poll_hint.h"
#include "vp/cpu/cpu.h"
#include "vp/cpu/poll_wait.h"

namespace vp {

class Stats;
class ConfigSchema;
class Config;

struct NativeCpuParams {
    double clock_hz = 667e6;
    double hal_access_ns = 0;      // CPU-side cost of one register access, on top of the bus
    double hal_call_ns = 20;       // cost of any other HAL call
    double cache_line_ns = 5;      // per 32-byte line of cache maintenance
    bool poll_skip = true;         // wait for a polled status register's change event
    double poll_hang_s = 60;       // a loop polling what nothing can change is stopped (0 = never)
    sc_core::sc_time quantum = sc_core::sc_time(1, sc_core::SC_US);

    static void declare(ConfigSchema& schema);
    static NativeCpuParams from_config(const Config& config);
};

class NativeCpu : public Cpu {
public:
    // program: the application's entry, called with `argument` in the CPU thread.
    NativeCpu(sc_core::sc_module_name name, const NativeCpuParams& params, Stats& stats,
              std::function<int(uint32_t)> program, uint32_t argument);

    bool finished() const override { return finished_; }
    int exit_status() const override { return exit_status_; }
    // Non-empty when the program was stopped by a fault (bus error on a CPU access).
    const std::string& fault() const override { return fault_; }

    // HAL primitives (called from the program through software/hal/hal.h).
    uint32_t read32(uint32_t addr);
    void write32(uint32_t addr, uint32_t value);
    void cache_maintenance(uint32_t addr, uint32_t bytes);
    void* phys_to_ptr(uint32_t addr, uint32_t bytes);
    [[noreturn]] void exit(int status);

    // The CPU whose thread is running (the HAL's C functions find it here).
    static NativeCpu& current();

private:
    struct ProgramExit {
        int status;
    };
    void run();
    // may_sync = false: never yields to other processes (see wait_for_change).
    void access(tlm::tlm_command cmd, uint32_t addr, uint32_t& value, bool may_sync = true);
    void charge(double ns);
    [[noreturn]] void stop_on_request();  // Ctrl-C / SIGTERM (vp/common/stop_request.h)
    void invalidate_dmi(sc_dt::uint64, sc_dt::uint64) override { dmi_.clear(); }
    bool polling(uint32_t addr, uint32_t value);
    uint32_t wait_for_change(uint32_t addr, uint32_t value);

    NativeCpuParams params_;
    std::function<int(uint32_t)> program_;
    uint32_t argument_;
    tlm_utils::tlm_quantumkeeper qk_;
    tlm::tlm_generic_payload trans_;
    std::vector<tlm::tlm_dmi> dmi_;
    bool finished_ = false;
    int exit_status_ = -1;
    std::string fault_;
    uint64_t reads_ = 0, writes_ = 0, hal_calls_ = 0, bus_errors_ = 0, dmi_grants_ = 0;
    uint64_t polls_skipped_ = 0, poll_waits_ = 0;
    // Polling detection: the last read and how often it returned the same value.
    PollHintExtension* poll_hint_ = nullptr;  // owned by trans_
    uint32_t last_read_addr_ = 0, last_read_value_ = 0;
    unsigned same_reads_ = 0;
    sc_core::sc_time last_read_end_, poll_period_;
    uint64_t poll_credit_ = 0;  // reads of the last address the last wait already stood for
    PollHangWatch hang_watch_;
    static NativeCpu* current_;
};

}  // namespace vp
