#include "vp/memory/dram/dram_timing.h"

#include <algorithm>
#include <cmath>

#include "vp/interconnect/axi_extension.h"

namespace vp {

DramTiming::DramTiming(const DramParams& params, std::unique_ptr<PortArbiter> arbiter)
    : p_(params),
      mapping_(params),
      page_policy_(make_page_policy(params.page_policy)),
      arbiter_(std::move(arbiter)),
      units_per_cycle_(static_cast<double>(params.tck_ps) * 1e-12 /
                       sc_core::sc_get_time_resolution().to_seconds()),
      burst_cycles_(params.burst_cycles()),
      same_bank_ccd_(std::max(params.tCCD_L, burst_cycles_)),
      levels_(arbiter_->levels(), Level(params)) {
    if (p_.refresh)
        refresh_ = std::make_unique<AllBankRefresh>(p_.tREFI, uint64_t{p_.tRP} + p_.tRFC);
    else
        refresh_ = std::make_unique<NoRefresh>();
    counters_.bank_activates.assign(p_.banks, 0);
}

sc_core::sc_time DramTiming::cycles(Cycle n) const {
    return sc_core::sc_time::from_value(
        static_cast<sc_core::sc_time::value_type>(std::llround(static_cast<double>(n) * units_per_cycle_)));
}

sc_core::sc_time DramTiming::dmi_latency_per_byte(bool) const {
    return sc_core::sc_time(1.0 / p_.peak_bytes_per_s(), sc_core::SC_SEC);
}

void DramTiming::elaborate(const std::string& name, const std::vector<std::string>&, Stats& stats) {
    label_refresh_ = name + ".refresh";
    label_queue_ = name + ".queue";
    label_trp_ = name + ".tRP";
    label_trcd_ = name + ".tRCD";
    label_cl_ = name + ".CL";
    label_cwl_ = name + ".CWL";
    label_burst_ = name + ".burst";
    counters_.register_stats(stats, name, p_);
}

Cycle DramTiming::admit(Level& level, Cycle t) {
    t = refresh_->admit(t);
    const uint64_t k = refresh_->refreshes_by(t);
    if (k > level.refreshes_seen) {
        // The refresh precharged every bank; nothing may be activated before it ends.
        level.refreshes_seen = k;
        counters_.refreshes = std::max(counters_.refreshes, k);
        const Cycle end = refresh_->end_of(k);
        for (Bank& b : level.banks) {
            b.open_row = kNoRow;
            b.act_ok = std::max(b.act_ok, end);
        }
    }
    return t;
}

Cycle DramTiming::issue_command(Level& level, Cycle t) {
    // One command per clock. Commands are placed out of order (a later burst's ACT may go
    // before an earlier burst's CAS), so remember the recent slots rather than one time.
    // After the latest remembered slot everything is free (the common, in-order case).
    if (t > level.latest_command) {
        level.latest_command = t;
        level.command_slots[level.command_next] = t;
        level.command_next = (level.command_next + 1) % level.command_slots.size();
        return t;
    }
    for (bool taken = true; taken;) {
        taken = false;
        for (Cycle slot : level.command_slots)
            if (slot == t) {
                taken = true;
                ++t;
                break;
            }
    }
    level.command_slots[level.command_next] = t;
    level.command_next = (level.command_next + 1) % level.command_slots.size();
    level.latest_command = std::max(level.latest_command, t);
    return t;
}

void DramTiming::precharge(Level& level, Bank& bank, Cycle earliest) {
    const Cycle t = issue_command(level, std::max(earliest, bank.pre_ok));
    bank.open_row = kNoRow;
    bank.act_ok = std::max(bank.act_ok, t + p_.tRP);
    ++counters_.precharges;
}

void DramTiming::activate(Level& level, unsigned b, uint64_t row, Cycle earliest) {
    Bank& bank = level.banks[b];
    const unsigned group = b % p_.bank_groups;
    Cycle t = level.acts.find(std::max(earliest, bank.act_ok), group);
    t = issue_command(level, t);
    level.acts.record(t, group);
    bank.open_row = row;
    bank.cas_ok = t + p_.tRCD;
    bank.pre_ok = t + p_.tRAS;
    bank.act_ok = t + p_.tRC;
    ++counters_.activates;
    ++counters_.bank_activates[b];
}

Cycle DramTiming::run(Level& level, unsigned level_index, unsigned b, uint64_t row, uint64_t n,
                      Cycle earliest, bool is_write, FirstRun& first) {
    Bank& bank = level.banks[b];
    const unsigned group = b % p_.bank_groups;
    const Cycle latency = is_write ? p_.CWL : p_.CL;
    Cycle e = earliest;
    Cycle data_end = e;
    while (n > 0) {
        e = admit(level, e);
        const RowState state = bank.open_row == row      ? RowState::Hit
                               : bank.open_row == kNoRow ? RowState::Miss
                                                         : RowState::Conflict;
        if (state == RowState::Conflict) precharge(level, bank, e);
        if (state != RowState::Hit) activate(level, b, row, e);

        // The first CAS of the run: bank ready, CAS spacing in the bank group, bus
        // direction, then a free stretch of the data bus for the whole run.
        Cycle cas = std::max(e, bank.cas_ok);
        // (tCCD_S never exceeds a burst, so the data bus enforces it; tCCD_L may.)
        if (p_.tCCD_L > burst_cycles_ && group == level.last_cas_group)
            cas = std::max(cas, level.last_cas + p_.tCCD_L);
        Cycle data_ready = cas + latency;
        if (is_write)
            data_ready = std::max(data_ready, level.read_end + 2);  // read-to-write bus turnaround
        else
            data_ready = std::max(data_ready, level.write_end + (group == level.last_cas_group ? p_.tWTR_L : p_.tWTR) + latency);
        const Cycle next_refresh_guess = refresh_->next_start_after(data_ready - latency);
        uint64_t m = n;
        if (data_ready - latency + static_cast<Cycle>(n - 1) * same_bank_ccd_ >= next_refresh_guess)
            m = static_cast<uint64_t>((next_refresh_guess - (data_ready - latency) + same_bank_ccd_ - 1) / same_bank_ccd_);
        if (m == 0) m = 1;
        const Cycle length = static_cast<Cycle>(m - 1) * same_bank_ccd_ + burst_cycles_;
        Cycle data_start = level.data_bus.find(data_ready, length);
        cas = issue_command(level, data_start - latency);
        data_start = cas + latency;
        if (refresh_->refreshes_by(cas) > level.refreshes_seen) {
            // A refresh started between this run's ACT and its CAS: it closed the row;
            // start over after it (the ACT was real and stays counted).
            e = cas;
            continue;
        }
        const Cycle next_refresh = refresh_->next_start_after(cas);
        if (cas + static_cast<Cycle>(m - 1) * same_bank_ccd_ >= next_refresh)
            m = static_cast<uint64_t>((next_refresh - cas + same_bank_ccd_ - 1) / same_bank_ccd_);
        const Cycle last_cas = cas + static_cast<Cycle>(m - 1) * same_bank_ccd_;
        data_end = last_cas + latency + burst_cycles_;
        level.data_bus.book(data_start, data_end);
        // Lower-priority levels lose this bus time: at its place if they have nothing
        // booked from there on, else after their last booking (what they booked is
        // already answered and cannot move, so they pay the overlap later: the bus
        // time is conserved, the debt is paid by their next transfers).
        for (unsigned l = level_index + 1; l < levels_.size(); ++l) {
            BusCalendar& bus = levels_[l].data_bus;
            const Cycle at = bus.find(std::max(data_start, bus.last_end()), data_end - data_start);
            bus.book(at, at + (data_end - data_start));
        }

        if (last_cas > level.last_cas) {
            level.last_cas = last_cas;
            level.last_cas_group = group;
        }
        if (is_write) {
            level.write_end = std::max(level.write_end, data_end);
            bank.pre_ok = std::max(bank.pre_ok, data_end + p_.tWR);
            counters_.write_bursts += m;
        } else {
            level.read_end = std::max(level.read_end, data_end);
            bank.pre_ok = std::max(bank.pre_ok, last_cas + p_.tRTP);
            counters_.read_bursts += m;
        }
        // The bank's next access comes after this one (one bank serves in order).
        bank.cas_ok = std::max(bank.cas_ok, last_cas + same_bank_ccd_);
        switch (state) {
        case RowState::Hit: ++counters_.row_hits; break;
        case RowState::Miss: ++counters_.row_misses; break;
        case RowState::Conflict: ++counters_.row_conflicts; break;
        }
        counters_.row_hits += m - 1;
        counters_.data_bus_busy_cycles += m * burst_cycles_;
        counters_.last_data_end = std::max(counters_.last_data_end, data_end);
        if (!first.done) {
            first.done = true;
            first.state = state;
            first.data_start = data_start;
        }
        n -= m;
        if (n == 0 && page_policy_->close_after_access()) {
            // Auto-precharge: no command slot, takes effect when tRAS/tRTP/tWR allow.
            bank.open_row = kNoRow;
            bank.act_ok = std::max(bank.act_ok, bank.pre_ok + p_.tRP);
            ++counters_.precharges;
        }
        e = next_refresh;  // only used when bursts remain
    }
    return data_end;
}

sc_core::sc_time DramTiming::access(unsigned port, bool is_write, uint64_t address, uint64_t bytes,
                                    const sc_core::sc_time& arrival, LatencyBreakdown* breakdown) {
    if (bytes == 0) return sc_core::SC_ZERO_TIME;
    // The controller sees the request at the first clock edge at or after its arrival.
    const Cycle arrival_cycle = static_cast<Cycle>(
        std::ceil(static_cast<double>(arrival.value()) / units_per_cycle_ - 1e-9));
    const unsigned level_index = std::min<unsigned>(arbiter_->level_of(port), static_cast<unsigned>(levels_.size() - 1));
    Level& level = levels_[level_index];
    const Cycle start = admit(level, arrival_cycle);

    const uint64_t burst_bytes = p_.burst_bytes();
    const uint64_t first_burst = address / burst_bytes;
    const uint64_t last_burst = (address + bytes - 1) / burst_bytes;
    const uint64_t bursts = last_burst - first_burst + 1;
    FirstRun first;
    Cycle data_end = start;
    for (uint64_t burst = first_burst; burst <= last_burst;) {
        const BurstLocation at = mapping_.locate(burst);
        const uint64_t n = std::min(at.run_bursts, last_burst - burst + 1);
        // The transaction ends with its latest data (runs may use earlier bus gaps).
        data_end = std::max(data_end, run(level, level_index, at.bank, at.row, n, start, is_write, first));
        burst += n;
    }

    const sc_core::sc_time done = cycles(data_end);
    const sc_core::sc_time delay = done - arrival;
    last_data_time_ = cycles(data_end - first.data_start);

    counters_.bytes += bytes;
    if (counters_.first_arrival == kLongAgo || arrival_cycle < counters_.first_arrival)
        counters_.first_arrival = arrival_cycle;
    counters_.record_latency(static_cast<uint64_t>(
        std::llround(delay.to_seconds() * 1e12)));

    if (breakdown) {
        // The first burst's own path and the data of all bursts; the rest is waiting (for
        // banks, buses, the other port, the clock edge). Parts are taken in this order and
        // each capped by what is left, so they always sum exactly to the delay (a
        // transaction whose runs overlap their row opening with other runs' data has
        // less to show than its full first-burst path).
        sc_core::sc_time left = delay;
        auto take = [&](const std::string& label, const sc_core::sc_time& want) {
            const sc_core::sc_time t = want < left ? want : left;
            left -= t;
            return std::make_pair(label.c_str(), t);
        };
        const auto refresh = take(label_refresh_, cycles(start) - cycles(arrival_cycle));
        const auto data = take(label_burst_, cycles(static_cast<Cycle>(bursts * burst_cycles_)));
        const auto cl = take(is_write ? label_cwl_ : label_cl_, cycles(is_write ? p_.CWL : p_.CL));
        const auto trcd = take(label_trcd_, first.state != RowState::Hit ? cycles(p_.tRCD) : sc_core::SC_ZERO_TIME);
        const auto trp = take(label_trp_, first.state == RowState::Conflict ? cycles(p_.tRP) : sc_core::SC_ZERO_TIME);
        breakdown->add(refresh.first, refresh.second);
        breakdown->add(label_queue_.c_str(), left);
        breakdown->add(trp.first, trp.second);
        breakdown->add(trcd.first, trcd.second);
        breakdown->add(cl.first, cl.second);
        breakdown->add(data.first, data.second);
    }
    return delay;
}

}  // namespace vp
