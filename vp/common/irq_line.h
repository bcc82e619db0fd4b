// An interrupt output: a level that a device drives and an interrupt controller (or a
// test) observes. Loosely timed: the level changes at the device's current simulated
// time; the observer decides when it looks (the ARM ISS takes IRQs at slice boundaries).
#pragma once

#include <functional>
#include <utility>

namespace vp {

class IrqLine {
public:
    void set(bool level) {
        if (level == level_) return;
        level_ = level;
        if (observer_) observer_(level);
    }
    bool level() const { return level_; }
    // The one observer of this line (an interrupt controller input).
    void connect(std::function<void(bool)> observer) { observer_ = std::move(observer); }

private:
    bool level_ = false;
    std::function<void(bool)> observer_;
};

}  // namespace vp
