#include "peripherals/edgedrnn/layer_schedule.h"

#include <algorithm>

namespace edgedrnn {

LayerSchedule::LayerSchedule(unsigned fifo_depth, unsigned command_queue_depth)
    : fifo_depth_(fifo_depth), queue_depth_(command_queue_depth) {
    // Enough for the largest layer (bias + 1024 inputs + 1024 hidden + 2 markers), so the
    // per-step path never allocates.
    end_.reserve(2100);
    start_.reserve(2100);
}

void LayerSchedule::begin(int64_t bias_cycle) {
    bias_ = bias_cycle;
    stall_ = 0;
    last_end_ = 0;
    pushed_ = 0;
    end_.clear();
    start_.clear();
}

int64_t LayerSchedule::push_job(unsigned scan_pos) {
    int64_t visible = bias_ + 4 + scan_pos + stall_;
    const std::size_t n = pushed_++;
    if (n >= fifo_depth_) {
        const int64_t freed = end_[n - fifo_depth_];
        if (freed > visible) {
            stall_ += freed - visible;
            visible = freed;
        }
    }
    return visible;
}

int64_t LayerSchedule::command_cycle(int64_t visible) const {
    const std::size_t n = start_.size();
    if (queue_depth_ && n >= queue_depth_) return std::max(visible, start_[n - queue_depth_]);
    return visible;
}

int64_t LayerSchedule::finish_column(int64_t command, int64_t last_beat_cycle, unsigned beats) {
    const int64_t first_possible = last_beat_cycle - static_cast<int64_t>(beats) + 1;
    const int64_t start = std::max({command + 1, first_possible, last_end_});
    last_end_ = start + beats;
    end_.push_back(last_end_);
    start_.push_back(start);
    return start;
}

void LayerSchedule::finish_marker(int64_t visible) {
    const int64_t start = std::max(visible, last_end_);
    last_end_ = start + 1;
    end_.push_back(last_end_);
}

int64_t LayerSchedule::activation_start(unsigned inputs, unsigned hidden) const {
    return std::max(bias_ + inputs + hidden + 10 + stall_, last_end_ + 3);
}

}  // namespace edgedrnn
