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

void DeltaGruDatapath::flush_deferred() {
    const unsigned count = deferred_count_, hidden_columns = deferred_hidden_columns_;
    if (count == 0) return;
    deferred_count_ = deferred_hidden_columns_ = 0;
    const unsigned hidden = deferred_hidden_;
    // r and u gates: rows [0, 2H) of every column go to M_r, M_u.
    add_columns(acc_[deferred_layer_].data(), deferred_.data(), count, 0, 2 * hidden);
    // Candidate gate: M_cx (bias and input columns) or M_ch (hidden columns).
    if (hidden_columns == 0 || hidden_columns == count) {
        add_columns(candidate_rows(deferred_layer_, hidden, deferred_[0].phase), deferred_.data(), count,
                    2 * hidden, hidden);
        return;
    }
    for (const ColumnPhase phase : {ColumnPhase::Input, ColumnPhase::Hidden}) {  // the layer's phase change
        std::array<DeferredColumn, kMaxDeferredColumns + 1> of_phase;
        unsigned n = 0;
        for (unsigned c = 0; c < count; ++c)
            if (deferred_[c].phase == phase) of_phase[n++] = deferred_[c];
        add_columns(candidate_rows(deferred_layer_, hidden, phase), of_phase.data(), n, 2 * hidden, hidden);
    }
}

void DeltaGruDatapath::add_columns(uint32_t* acc, const DeferredColumn* columns, unsigned count,
                                   unsigned weight_row, unsigned rows) {
    if (count == 4) {
        const int8_t* const w[4] = {columns[0].weights + weight_row, columns[1].weights + weight_row,
                                    columns[2].weights + weight_row, columns[3].weights + weight_row};
        const int16_t d[4] = {columns[0].delta, columns[1].delta, columns[2].delta, columns[3].delta};
        mac_.quad(acc, w, d, rows);
        return;
    }
    unsigned c = 0;
    for (; c + 2 <= count; c += 2)
        mac_.pair(acc, columns[c].weights + weight_row, columns[c + 1].weights + weight_row, columns[c].delta,
                  columns[c + 1].delta, rows);
    if (c < count) mac_.column(acc, columns[c].weights + weight_row, columns[c].delta, rows);
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
