// Device reads of the ARM CPU, and polling loops waited out instead of read by read
// (cpu.poll_skip; the sleep is the native CPU's too: vp/cpu/poll_wait.h).

#include "vp/cpu/arm_cpu.h"

#include <algorithm>

#include "vp/cpu/poll_wait.h"

namespace vp {

double ArmCpu::now_ps() const { return sc_core::sc_time_stamp().to_seconds() * 1e12 + local_ps(); }

uint64_t ArmCpu::device_read(uint64_t address, unsigned size) {
    if (poll_credit_ && address == last_read_.address && current_block_ == last_read_.block) {
        // An iteration the last wait stood for (arm_cpu.h): its instructions' time was in
        // the wait. (A sync in between restarted the count: cancel no more than since.)
        --poll_credit_;
        instructions_at_sync_ +=
            std::min(instructions_ - last_read_.instructions, instructions_ - instructions_at_sync_);
        last_read_.instructions = instructions_;
        return last_read_.value;
    }
    ++device_reads_;
    uint64_t value = 0;
    if (!device_access(tlm::TLM_READ_COMMAND, address, size, value)) {
        last_read_ = LastRead{};
        return 0;
    }
    if (polling(address, value)) value = wait_for_change(address, size, value);
    return value;
}

bool ArmCpu::polling(uint64_t address, uint64_t value) {
    const double end_ps = now_ps();
    const uint64_t loop_instructions = instructions_ - last_read_.instructions;
    // The same block read the same value from the same register as the last device access:
    // the time in between was polling.
    const bool again = address == last_read_.address && value == last_read_.value && current_block_ == last_read_.block;
    if (again) polling_ps_ += end_ps - last_read_.end_ps;
    // One iteration is the same short run of instructions each time (a tight loop: no
    // other work between the reads to lose by skipping).
    const bool same_loop = again && loop_instructions <= kPollLoopInstructions &&
                           (last_read_.repeats == 0 || loop_instructions == last_read_.loop_instructions);
    LastRead read;
    read.block = current_block_;
    read.address = address;
    read.value = value;
    read.instructions = instructions_;
    read.loop_instructions = loop_instructions;
    read.end_ps = end_ps;
    read.period_ps = end_ps - last_read_.end_ps;
    read.repeats = same_loop ? last_read_.repeats + 1 : 0;
    last_read_ = read;
    // Three reads in a row, two equal iterations, and a register that says when it changes.
    return params_.poll_skip && read.repeats >= 2 && read.period_ps > 0 && poll_hint_->change;
}

uint64_t ArmCpu::wait_for_change(uint64_t address, unsigned size, uint64_t value) {
    const double period_ps = last_read_.period_ps;
    // Let the rest of the platform catch up and look again: the change may have happened
    // meanwhile (its event already fired). We are inside Unicorn's device callback, in
    // this CPU's SC_THREAD: waiting here is safe (STACK.md).
    sync();
    ++device_reads_;
    uint64_t now_value = 0;
    if (!device_access(tlm::TLM_READ_COMMAND, address, size, now_value)) return 0;
    const sc_core::sc_event* change = poll_hint_->change;
    if (now_value != value || !change) {
        last_read_ = LastRead{};
        return now_value;
    }
    ++poll_waits_;
    const PollWake w = wait_for_poll_change(*change, period_ps, local_ps());
    instructions_at_sync_ = instructions_;
    stall_ps_ = w.resume_ps - w.woke_ps;
    polls_skipped_ += static_cast<uint64_t>(w.periods);
    polling_ps_ += w.resume_ps;
    // The read that sees the change, at the loop's own time.
    ++device_reads_;
    if (!device_access(tlm::TLM_READ_COMMAND, address, size, now_value)) return 0;
    last_read_ = LastRead{};
    last_read_.block = current_block_;
    last_read_.address = address;
    last_read_.value = now_value;
    last_read_.instructions = instructions_;
    last_read_.end_ps = now_ps();
    // Still the old value: the loop's reads the wait stood for are owed to it.
    poll_credit_ = w.owed_reads(now_value != value);
    if (hang_watch_.hung_after(address, value, now_value != value, w))
        stop_with_fault("hang", address, true, hang_watch_.describe());
    return now_value;
}

}  // namespace vp
