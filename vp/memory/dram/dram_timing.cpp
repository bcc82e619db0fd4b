#include "vp/memory/dram/dram_timing.h"

#include <algorithm>

#include "vp/interconnect/axi_extension.h"

namespace vp {

namespace {

std::unique_ptr<RefreshPolicy> make_refresh_policy(const DramParams& p) {
    if (p.refresh) return std::make_unique<AllBankRefresh>(p.tREFI, uint64_t{p.tRP} + p.tRFC);
    return std::make_unique<NoRefresh>();
}

}  // namespace

DramTiming::DramTiming(const DramParams& params, std::unique_ptr<PortArbiter> arbiter)
    : p_(params),
      mapping_(params),
      page_policy_(make_page_policy(params.page_policy)),
      refresh_(make_refresh_policy(params)),
      arbiter_(std::move(arbiter)),
      close_page_(page_policy_->close_after_access()),
      clock_(params.tck_ps),
      burst_cycles_(params.burst_cycles()),
      same_bank_ccd_(std::max(params.tCCD_L, burst_cycles_)),
      group_mask_(params.bank_groups - 1),
      ccd_l_exceeds_burst_(params.tCCD_L > burst_cycles_),
      levels_(arbiter_->levels(), Level(params, *refresh_)),
      level_count_(static_cast<unsigned>(levels_.size())) {
    counters_.bank_activates.assign(p_.banks, 0);
}

sc_core::sc_time DramTiming::cycles(Cycle n) const { return clock_.time_of(n); }

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

// The helpers of time_bursts() are inline: they run per run, and their common cases are
// a few compares.
inline Cycle DramTiming::admit(Level& level, Cycle t) {
    t = level.refresh.admit(t);
    const uint64_t k = level.refresh.refreshes_by(t);
    if (k > level.refreshes_seen) close_for_refresh(level, k);
    return t;
}

void DramTiming::close_for_refresh(Level& level, uint64_t k) {
    // The refresh precharged every bank; nothing may be activated before it ends.
    level.refreshes_seen = k;
    counters_.refreshes = std::max(counters_.refreshes, k);
    const Cycle end = level.refresh.end_of(k);
    for (Bank& b : level.banks) {
        b.open_row = kNoRow;
        b.act_ok = std::max(b.act_ok, end);
    }
}

inline Cycle DramTiming::issue_command(Level& level, Cycle t) {
    // One command per clock. Commands are placed out of order (a later burst's ACT may go
    // before an earlier burst's CAS), so remember the recent slots rather than one time.
    // After the latest remembered slot everything is free (the common, in-order case).
    if (t > level.latest_command) level.latest_command = t;
    else if (level.slots_mod_64[t & 63] != 0) t = first_free_slot(level, t);
    Cycle& slot = level.command_slots[level.command_next];
    --level.slots_mod_64[slot & 63];  // the oldest is forgotten
    ++level.slots_mod_64[t & 63];
    slot = t;
    level.command_next = (level.command_next + 1) % level.command_slots.size();
    return t;
}

Cycle DramTiming::first_free_slot(Level& level, Cycle t) {
    t = free_slot_from(level, t);
    level.latest_command = std::max(level.latest_command, t);
    return t;
}

Cycle DramTiming::free_slot_from(const Level& level, Cycle t) {
    for (bool taken = true; taken;) {
        if (level.slots_mod_64[t & 63] == 0) break;
        taken = false;
        for (Cycle slot : level.command_slots)
            if (slot == t) {
                taken = true;
                ++t;
                break;
            }
    }
    return t;
}

inline Cycle DramTiming::find_cas(const Level& level, Cycle data_ready, Cycle latency, Cycle length) const {
    // A free stretch of the data bus whose CAS has a free command slot: a CAS pushed off
    // a taken slot moves its data too, which must still fit the bus.
    Cycle data_start = level.data_bus.find(data_ready, length);
    if (data_start - latency <= level.latest_command && level.slots_mod_64[(data_start - latency) & 63] != 0)
        for (Cycle cas = free_slot_from(level, data_start - latency); cas + latency != data_start;
             cas = free_slot_from(level, data_start - latency))
            data_start = level.data_bus.find(cas + latency, length);
    return data_start - latency;
}

inline void DramTiming::precharge(Level& level, Bank& bank, Cycle earliest) {
    const Cycle t = issue_command(level, std::max(earliest, bank.pre_ok));
    bank.open_row = kNoRow;
    bank.act_ok = std::max(bank.act_ok, t + p_.tRP);
    ++counters_.precharges;
}

inline void DramTiming::activate(Level& level, unsigned b, uint64_t row, Cycle earliest) {
    Bank& bank = level.banks[b];
    const unsigned group = b & group_mask_;
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

// Out of line: only fixed_priority has lower levels (and a loop in time_bursts() kept
// registers busy for every arbitration).
void DramTiming::book_for_lower_levels(const Level& level, Cycle data_start, Cycle data_end) {
    for (std::size_t l = static_cast<std::size_t>(&level - levels_.data()) + 1; l < levels_.size(); ++l) {
        BusCalendar& bus = levels_[l].data_bus;
        const Cycle at = bus.find(std::max(data_start, bus.last_end()), data_end - data_start);
        bus.book(at, at + (data_end - data_start));
    }
}

// always_inline: into access(), which calls it once per transaction (GCC would keep a
// call, with its frame and arguments, per transaction).
template <bool kIsWrite>
__attribute__((always_inline)) inline Cycle DramTiming::time_bursts(Level& level, uint64_t first_burst,
                                                                    uint64_t last_burst, Cycle start,
                                                                    FirstRun& first) {
    const Cycle latency = kIsWrite ? p_.CWL : p_.CL;
    Cycle transaction_end = start;
    uint64_t passes = 0;  // runs (parts of runs cut by a refresh) timed
    for (uint64_t burst = first_burst; burst <= last_burst;) {
        // One run: the bursts from here on in this bank and row.
        const BurstLocation where = mapping_.locate(burst);
        const unsigned b = where.bank;
        const uint64_t row = where.row;
        uint64_t n = std::min(where.run_bursts, last_burst - burst + 1);
        burst += n;
        Bank& bank = level.banks[b];
        const unsigned group = b & group_mask_;
        Cycle e = start;
        Cycle data_end = e;
        // `start` is admitted already (admit() again would change nothing): admit from
        // the second pass on.
        for (bool admitted = true; n > 0; admitted = false) {
            if (!admitted) e = admit(level, e);
            const RowState state = bank.open_row == row      ? RowState::Hit
                                   : bank.open_row == kNoRow ? RowState::Miss
                                                             : RowState::Conflict;
            if (state == RowState::Conflict) precharge(level, bank, e);
            if (state != RowState::Hit) activate(level, b, row, e);

            // The first CAS of the run: bank ready, CAS spacing in the bank group, bus
            // direction, then a free stretch of the data bus for the whole run.
            Cycle cas = std::max(e, bank.cas_ok);
            // (tCCD_S never exceeds a burst, so the data bus enforces it; tCCD_L may.)
            if (ccd_l_exceeds_burst_ && group == level.last_cas_group)
                cas = std::max(cas, level.last_cas + p_.tCCD_L);
            Cycle data_ready = cas + latency;
            if constexpr (kIsWrite)
                data_ready = std::max(data_ready, level.read_end + 2);  // read-to-write bus turnaround
            else
                data_ready = std::max(data_ready, level.write_end + latency +
                                                      (group == level.last_cas_group ? p_.tWTR_L : p_.tWTR));
            // As many bursts as can start before the next refresh.
            const Cycle first_cas = data_ready - latency;
            const RefreshWindow::Stretch guess = level.refresh.stretch_at(first_cas);
            uint64_t m = n;
            if (first_cas + static_cast<Cycle>(n - 1) * same_bank_ccd_ >= guess.next_start)
                m = static_cast<uint64_t>((guess.next_start - first_cas + same_bank_ccd_ - 1) / same_bank_ccd_);
            if (m == 0) m = 1;
            const Cycle length = static_cast<Cycle>(m - 1) * same_bank_ccd_ + burst_cycles_;
            cas = find_cas(level, data_ready, latency, length);
            const Cycle data_start = cas + latency;
            // (cas >= first_cas: the stretch found there holds up to its end.)
            const RefreshWindow::Stretch at_cas =
                cas < guess.next_start ? guess : level.refresh.stretch_at(cas);
            if (at_cas.refreshes > level.refreshes_seen) {
                // A refresh started between this run's ACT and its CAS: it closed the row;
                // start over after it (the ACT was real and stays counted; the CAS never
                // issues, so its command slot stays free).
                e = cas;
                continue;
            }
            issue_command(level, cas);  // (find_cas chose a free slot)
            const Cycle next_refresh = at_cas.next_start;
            if (cas + static_cast<Cycle>(m - 1) * same_bank_ccd_ >= next_refresh)
                m = static_cast<uint64_t>((next_refresh - cas + same_bank_ccd_ - 1) / same_bank_ccd_);
            const Cycle last_cas = cas + static_cast<Cycle>(m - 1) * same_bank_ccd_;
            data_end = last_cas + latency + burst_cycles_;
            level.data_bus.book(data_start, data_end);
            // Lower-priority levels lose this bus time: at its place if they have nothing
            // booked from there on, else after their last booking (what they booked is
            // already answered and cannot move, so they pay the overlap later: the bus
            // time is conserved, the debt is paid by their next transfers).
            if (level_count_ > 1) book_for_lower_levels(level, data_start, data_end);

            if (last_cas > level.last_cas) {
                level.last_cas = last_cas;
                level.last_cas_group = group;
            }
            // (The bus direction's end, read_end or write_end, is only read by the other
            // direction: it is updated once, with the transaction's end.)
            if constexpr (kIsWrite)
                bank.pre_ok = std::max(bank.pre_ok, data_end + p_.tWR);
            else
                bank.pre_ok = std::max(bank.pre_ok, last_cas + p_.tRTP);
            // The bank's next access comes after this one (one bank serves in order).
            bank.cas_ok = std::max(bank.cas_ok, last_cas + same_bank_ccd_);
            switch (state) {
            case RowState::Hit: ++counters_.row_hits; break;
            case RowState::Miss: ++counters_.row_misses; break;
            case RowState::Conflict: ++counters_.row_conflicts; break;
            }
            if (passes++ == 0) {
                first.state = state;
                first.data_start = data_start;
            }
            n -= m;
            if (n == 0 && close_page_) {
                // Auto-precharge: no command slot, takes effect when tRAS/tRTP/tWR allow.
                bank.open_row = kNoRow;
                bank.act_ok = std::max(bank.act_ok, bank.pre_ok + p_.tRP);
                ++counters_.precharges;
            }
            e = next_refresh;  // only used when bursts remain
        }
        // The transaction ends with its latest data (runs may use earlier bus gaps).
        transaction_end = std::max(transaction_end, data_end);
    }
    // What every pass counts per burst, for all of them at once: its first burst was
    // counted as a hit, miss or conflict above, the others are hits.
    const uint64_t bursts = last_burst - first_burst + 1;
    (kIsWrite ? counters_.write_bursts : counters_.read_bursts) += bursts;
    counters_.row_hits += bursts - passes;
    counters_.data_bus_busy_cycles += bursts * burst_cycles_;
    counters_.last_data_end = std::max(counters_.last_data_end, transaction_end);
    // The direction's latest data end: transaction_end is the latest of every pass's (a
    // run's later passes, after a refresh, end after its earlier ones).
    Cycle& direction_end = kIsWrite ? level.write_end : level.read_end;
    direction_end = std::max(direction_end, transaction_end);
    return transaction_end;
}

sc_core::sc_time DramTiming::access(unsigned port, bool is_write, uint64_t address, uint64_t bytes,
                                    const sc_core::sc_time& arrival, LatencyBreakdown* breakdown) {
    if (bytes == 0) return sc_core::SC_ZERO_TIME;
    // The controller sees the request at the first clock edge at or after its arrival.
    const Cycle arrival_cycle = clock_.cycle_at_or_after(arrival);
    const unsigned level_index =  // (one level: no need to ask)
        level_count_ == 1 ? 0 : std::min<unsigned>(arbiter_->level_of(port), level_count_ - 1);
    Level& level = levels_[level_index];
    const Cycle start = admit(level, arrival_cycle);

    const uint64_t burst_bytes = p_.burst_bytes();
    const uint64_t first_burst = address / burst_bytes;
    const uint64_t last_burst = (address + bytes - 1) / burst_bytes;
    const uint64_t bursts = last_burst - first_burst + 1;
    FirstRun first;
    const Cycle data_end = is_write ? time_bursts<true>(level, first_burst, last_burst, start, first)
                                    : time_bursts<false>(level, first_burst, last_burst, start, first);

    // Last data minus arrival, in time units (as sc_time subtracts).
    const sc_core::sc_time delay = sc_core::sc_time::from_value(clock_.units_of(data_end) - arrival.value());
    const Cycle data_cycles = data_end - first.data_start;
    DataTime& data_time = data_times_[static_cast<std::size_t>(data_cycles) % data_times_.size()];
    if (data_time.cycles != data_cycles) data_time = {data_cycles, cycles(data_cycles)};
    last_data_time_ = data_time.time;

    counters_.bytes += bytes;
    if (counters_.first_arrival == kLongAgo || arrival_cycle < counters_.first_arrival)
        counters_.first_arrival = arrival_cycle;
    counters_.record_latency(units_to_ps_(delay.value()));

    if (breakdown) add_breakdown(*breakdown, is_write, delay, arrival_cycle, start, bursts, first.state);
    return delay;
}

// Out of line: only traced transactions ask, and its code kept access() heavier.
void DramTiming::add_breakdown(LatencyBreakdown& breakdown, bool is_write, const sc_core::sc_time& delay,
                               Cycle arrival_cycle, Cycle start, uint64_t bursts, RowState first_state) const {
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
    const auto trcd = take(label_trcd_, first_state != RowState::Hit ? cycles(p_.tRCD) : sc_core::SC_ZERO_TIME);
    const auto trp = take(label_trp_, first_state == RowState::Conflict ? cycles(p_.tRP) : sc_core::SC_ZERO_TIME);
    breakdown.add(refresh.first, refresh.second);
    breakdown.add(label_queue_.c_str(), left);
    breakdown.add(trp.first, trp.second);
    breakdown.add(trcd.first, trcd.second);
    breakdown.add(cl.first, cl.second);
    breakdown.add(data.first, data.second);
}

}  // namespace vp
