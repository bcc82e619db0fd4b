// The EdgeDRNN datapath state and arithmetic, without timing: the state RAMs (x-hat,
// h-hat, current h per layer), the accumulator RAM, the MAC of one weight column and the
// activation of a layer. Bit-exact per SPEC section 4.
//
// RAM layout follows the RTL so that state survives reprogramming the sizes exactly as
// on the hardware: element j of a layer lives at index j (lane j mod 8, row j div 8), and
// a layer's accumulator RAM holds M_r, M_u, M_ch, M_cx at [0,H), [H,2H), [2H,3H), [3H,4H).
// Accumulators are kept modulo 2^32 (unsigned, so wrap-around is defined) and reduced
// to 24 bits when read: the low 24 bits of a modular sum do not depend on when it wraps.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "peripherals/edgedrnn/mac_kernel.h"

namespace edgedrnn {

constexpr unsigned kMaxLayers = 4;
constexpr unsigned kMaxElements = 1024;  // per layer in each state RAM (128 rows x 8 lanes)

// Where a column's candidate-gate part goes (SPEC 4.4): bias and input columns add to
// M_cx, hidden columns to M_ch.
enum class ColumnPhase { Input, Hidden };

class DeltaGruDatapath {
public:
    DeltaGruDatapath();

    int16_t* x_hat(unsigned layer) { return x_hat_[layer].data(); }
    int16_t* h_hat(unsigned layer) { return h_hat_[layer].data(); }
    int16_t* h(unsigned layer) { return h_[layer].data(); }
    const int16_t* h(unsigned layer) const { return h_[layer].data(); }

    // acc += w * delta over one column of 3H weights. Columns wait until four have come,
    // then are added in one pass (MacKernels::quad): the sums are modulo 2^32, so the
    // order cannot show. The caller keeps the weights of the last kMaxDeferredColumns
    // columns valid and unchanged until flush_deferred() (fetch buffers used in turn need
    // kMaxDeferredColumns + 1 of them), and flushes before it yields to SystemC (another
    // initiator could then write the weights' memory).
    static constexpr unsigned kMaxDeferredColumns = 3;
    void accumulate(unsigned layer, unsigned hidden, ColumnPhase phase, const int8_t* weights,
                    int16_t delta) {  // inline: once per column, and mostly a store
        if (deferred_count_ > 0 && (deferred_layer_ != layer || deferred_hidden_ != hidden)) flush_deferred();
        deferred_layer_ = layer;
        deferred_hidden_ = hidden;
        deferred_hidden_columns_ += phase == ColumnPhase::Hidden;
        deferred_[deferred_count_++] = {weights, delta, phase};
        if (deferred_count_ == defer_limit_) flush_deferred();
    }
    void flush_deferred();
    // Off: every column is added when it comes (for a memory path that may let other
    // initiators run inside a fetch, which could rewrite a waiting column's weights).
    void set_deferral(bool on) {
        flush_deferred();
        defer_limit_ = on ? static_cast<unsigned>(deferred_.size()) : 1;
    }

    // The same for H = 8 (G = 1) columns, reproducing the RTL's accumulator read-after-write
    // hazard (SPEC 6): each beat reads its row at `start_cycle + beat` and writes it 3
    // cycles later; a read in the very cycle of a pending write to the same row sees the
    // old value, so back-to-back columns lose updates.
    void accumulate_g1(unsigned layer, ColumnPhase phase, const int8_t* weights, int16_t delta,
                       int64_t start_cycle);
    // Lands the pending writes of the hazard path (call before reading accumulators).
    void flush_pending(unsigned layer);

    // Activation and state update of every neuron (SPEC 4.5): writes the new h into
    // h(layer) (h_prev is the old content).
    void activate(unsigned layer, unsigned hidden);

    int32_t accumulator(unsigned layer, unsigned index);  // adds the deferred columns first

private:
    struct DeferredColumn {
        const int8_t* weights;
        int16_t delta;
        ColumnPhase phase;
    };
    // acc[0, rows) += rows [weight_row, weight_row + rows) of `count` columns times their
    // deltas, four, two or one at a time.
    void add_columns(uint32_t* acc, const DeferredColumn* columns, unsigned count, unsigned weight_row,
                     unsigned rows);
    uint32_t* candidate_rows(unsigned layer, unsigned hidden, ColumnPhase phase) {
        return acc_[layer].data() + (phase == ColumnPhase::Hidden ? 2 * hidden : 3 * hidden);
    }

    std::array<std::vector<int16_t>, kMaxLayers> x_hat_, h_hat_, h_;
    std::array<std::vector<uint32_t>, kMaxLayers> acc_;
    MacKernels mac_ = mac_kernels();  // chosen once: no dispatch per column

    struct PendingRowWrite {
        bool valid = false;
        int64_t cycle = 0;
        std::array<uint32_t, 8> value{};
    };
    std::array<std::array<PendingRowWrite, 4>, kMaxLayers> pending_{};  // G = 1: 4 rows

    // Columns waiting to be added, all of one layer.
    std::array<DeferredColumn, kMaxDeferredColumns + 1> deferred_{};
    unsigned deferred_count_ = 0, deferred_hidden_columns_ = 0, deferred_layer_ = 0, deferred_hidden_ = 0;
    unsigned defer_limit_ = kMaxDeferredColumns + 1;  // columns that trigger the flush
};

}  // namespace edgedrnn
