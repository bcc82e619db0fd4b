// The cycle model of one layer (SPEC 5.4), fed job by job in scan order with the times
// the weight data really arrived. With an ideal memory (first beat 1 cycle after the
// command, then one beat per cycle) it equals the RTL cycle for cycle; with a real
// memory the fetch completion times stretch it by themselves, never by a fudge factor.
//
// All times are absolute accelerator clock cycles.
//   e_n  job visible at the FIFO heads: B + 4 + p_n + S (S = encoder stall so far); with
//        `fifo_depth` jobs outstanding it waits until job n - fifo_depth ends.
//   a_n  DataMover command accepted: e_n, or later when the command queue is full
//        (a command leaves the queue when its data starts streaming).
//   s_n  first beat consumed: after the previous job, after the command latency, and no
//        earlier than the data allows (the last beat cannot be consumed before it arrived).
//   f_n  end of the job: s_n + beats (column) or s_n + 1 (zero marker).
//   A    activation start: max(B + I + H + 10 + S, f_last + 3).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace edgedrnn {

class LayerSchedule {
public:
    LayerSchedule(unsigned fifo_depth, unsigned command_queue_depth);

    void begin(int64_t bias_cycle);
    int64_t bias_cycle() const { return bias_; }
    // Cycle at which the encoder scans scan position p (for the input-beat valid check).
    int64_t scan_cycle(unsigned scan_pos) const { return bias_ + scan_pos + stall_; }
    // Adds encoder stall (e.g. waiting for an input beat).
    void stall(int64_t cycles) { stall_ += cycles; }
    int64_t stall_cycles() const { return stall_; }

    // A job at scan position p enters the FIFOs; returns e_n (applying the FIFO-full rule).
    // Jobs may enter before earlier ones are finished, as long as the job fifo_depth back
    // is (end_known_for_next_push); they finish in the order they entered.
    int64_t push_job(unsigned scan_pos);
    bool end_known_for_next_push() const { return pushed_ < fifo_depth_ || pushed_ - fifo_depth_ < end_.size(); }
    // Column job: the cycle its DataMover command is accepted (call after push_job).
    int64_t command_cycle(int64_t visible) const;
    // Column job done: data of `beats` beats fully arrived at `last_beat_cycle` (the
    // cycle the last beat is available). Returns s_n, the cycle of its first MAC.
    int64_t finish_column(int64_t command, int64_t last_beat_cycle, unsigned beats);
    // Zero marker job (phase end without a passing item).
    void finish_marker(int64_t visible);

    // Activation start A, given the number of items scanned (inputs I, hidden H).
    int64_t activation_start(unsigned inputs, unsigned hidden) const;

    unsigned jobs() const { return static_cast<unsigned>(end_.size()); }

private:
    unsigned fifo_depth_;
    unsigned queue_depth_;
    int64_t bias_ = 0;
    int64_t stall_ = 0;
    int64_t last_end_ = 0;          // f of the previous job (0 = none yet)
    std::size_t pushed_ = 0;        // jobs entered (finished: end_.size())
    std::vector<int64_t> end_;      // f_n of every job of the layer
    std::vector<int64_t> start_;    // s_n of column jobs (for the command queue)
};

}  // namespace edgedrnn
