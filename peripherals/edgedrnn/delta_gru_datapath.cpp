#include "peripherals/edgedrnn/delta_gru_datapath.h"

#include "peripherals/edgedrnn/gru_arith.h"

namespace edgedrnn {

DeltaGruDatapath::DeltaGruDatapath() {
    // Block RAMs are zero after FPGA configuration and never reset afterwards (SPEC 4.8).
    for (unsigned l = 0; l < kMaxLayers; ++l) {
        x_hat_[l].assign(kMaxElements, 0);
        h_hat_[l].assign(kMaxElements, 0);
        h_[l].assign(kMaxElements, 0);
        acc_[l].assign(4 * kMaxElements, 0);
    }
}

void DeltaGruDatapath::accumulate(unsigned layer, unsigned hidden, ColumnPhase phase,
                                  const int8_t* weights, int16_t delta) {
    if (!deferred_.valid || deferred_.layer != layer || deferred_.hidden != hidden) {
        flush_deferred();
        deferred_ = {true, layer, hidden, phase, weights, delta};
        return;
    }
    // Two columns in one pass. r and u gates: rows [0, 2H) of both go to M_r, M_u.
    const DeferredColumn first = deferred_;
    deferred_.valid = false;
    mac_.pair(acc_[layer].data(), first.weights, weights, first.delta, delta, 2 * hidden);
    // Candidate gate: M_ch (hidden columns) or M_cx (bias and input columns).
    if (first.phase == phase) {
        mac_.pair(candidate_rows(layer, hidden, phase), first.weights + 2 * hidden,
                            weights + 2 * hidden, first.delta, delta, hidden);
    } else {
        mac_.column(candidate_rows(layer, hidden, first.phase), first.weights + 2 * hidden, first.delta, hidden);
        mac_.column(candidate_rows(layer, hidden, phase), weights + 2 * hidden, delta, hidden);
    }
}

void DeltaGruDatapath::flush_deferred() {
    if (!deferred_.valid) return;
    deferred_.valid = false;
    accumulate_one(deferred_.layer, deferred_.hidden, deferred_.phase, deferred_.weights, deferred_.delta);
}

void DeltaGruDatapath::accumulate_one(unsigned layer, unsigned hidden, ColumnPhase phase,
                                      const int8_t* weights, int16_t delta) {
    mac_.column(acc_[layer].data(), weights, delta, 2 * hidden);
    mac_.column(candidate_rows(layer, hidden, phase), weights + 2 * hidden, delta, hidden);
}

void DeltaGruDatapath::accumulate_g1(unsigned layer, ColumnPhase phase, const int8_t* weights,
                                     int16_t delta, int64_t start_cycle) {
    flush_deferred();
    uint32_t* acc = acc_[layer].data();
    for (unsigned beat = 0; beat < 3; ++beat) {
        const unsigned row = beat < 2 ? beat : (phase == ColumnPhase::Hidden ? 2 : 3);
        const int64_t cycle = start_cycle + beat;
        PendingRowWrite& pw = pending_[layer][row];
        uint32_t* ram = acc + 8 * row;
        std::array<uint32_t, 8> base{};
        if (pw.valid && pw.cycle < cycle) {
            for (unsigned i = 0; i < 8; ++i) ram[i] = pw.value[i];
            pw.valid = false;
        }
        for (unsigned i = 0; i < 8; ++i) base[i] = ram[i];  // read before a same-cycle write
        if (pw.valid && pw.cycle == cycle)
            for (unsigned i = 0; i < 8; ++i) ram[i] = pw.value[i];
        for (unsigned i = 0; i < 8; ++i)
            pw.value[i] = base[i] + static_cast<uint32_t>(weights[8 * beat + i] * int32_t{delta});
        pw.valid = true;
        pw.cycle = cycle + 3;
    }
}

void DeltaGruDatapath::flush_pending(unsigned layer) {
    for (unsigned row = 0; row < 4; ++row) {
        PendingRowWrite& pw = pending_[layer][row];
        if (!pw.valid) continue;
        for (unsigned i = 0; i < 8; ++i) acc_[layer][8 * row + i] = pw.value[i];
        pw.valid = false;
    }
}

int32_t DeltaGruDatapath::accumulator(unsigned layer, unsigned index) {
    flush_deferred();
    return wrap24(acc_[layer][index]);
}

void DeltaGruDatapath::activate(unsigned layer, unsigned hidden) {
    flush_deferred();
    const uint32_t* acc = acc_[layer].data();
    gru_update_neurons(acc, acc + hidden, acc + 2 * hidden, acc + 3 * hidden, h_[layer].data(), hidden);
}

}  // namespace edgedrnn
