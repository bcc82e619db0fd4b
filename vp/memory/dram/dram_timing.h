// A DDR controller and device timing model for blocking (loosely timed) transactions:
// the MemoryTimingPolicy that `<memory>.timing = dram` selects.
//
// How one b_transport is timed. The transaction arrives at its local time (rounded up
// to a controller clock) and is cut into bursts (burst_bytes each, aligned); bursts that
// stay in one bank and row form a run, which is timed in one step: at most a PRECHARGE,
// an ACTIVATE and the first CAS are placed, the other CAS follow every max(tCCD, burst)
// cycles, so a 2304-byte column costs a handful of runs, not 144 bursts. Each resource
// keeps the time until which it is busy:
//   - per bank: open row, earliest ACT (tRP after PRE, tRC after ACT, refresh end),
//     earliest CAS (tRCD after ACT), earliest PRE (tRAS, tRTP after a read, tWR after
//     write data);
//   - ACT history: tRRD (tRRD_L in the same bank group) and tFAW (activate_window.h);
//   - command bus: one command per clock (the recent command slots are remembered);
//   - data bus: the booked intervals (bus_calendar.h), so a transfer ready earlier can
//     use a gap before transfers booked before it (reordering across banks, as FR-FCFS
//     does; one bank's accesses stay in order); last CAS and its bank group (tCCD_L),
//     last read and write data (write-to-read tWTR, read-to-write turnaround 2 clocks);
//   - all of the above per arbitration level (port_arbiter.h): a priority port sees a
//     device of its own, the others see its data bus bookings as taken;
//   - refresh (refresh_policy.h): commands wait out refresh windows, which close all banks.
// The delay returned is last data - arrival: the transaction is never answered before
// its data could have arrived, and an idle device gives exactly the datasheet cases:
// precharged tRCD + CL + burst, row hit CL + burst, conflict tRP + tRCD + CL + burst.
//
// Where the LT approximation breaks (see README "DRAM timing"): bookings happen in call
// order: a bank serves its accesses in call order, so an initiator that calls later but
// arrives earlier waits behind the other at a shared bank (only the data bus and the
// ACT slots can be used out of order); tCCD_L is enforced inside a run and against the
// previous CAS only; under fixed_priority the levels do not see each other's open rows; a
// refresh is never postponed; write data is "done" when written to the device (no
// posted-write buffer); all-bank refresh only; one rank.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "vp/common/time_ps.h"
#include "vp/memory/dram/activate_window.h"
#include "vp/memory/dram/address_mapping.h"
#include "vp/memory/dram/bus_calendar.h"
#include "vp/memory/dram/cycle_clock.h"
#include "vp/memory/dram/dram_counters.h"
#include "vp/memory/dram/dram_cycle.h"
#include "vp/memory/dram/dram_params.h"
#include "vp/memory/dram/page_policy.h"
#include "vp/memory/dram/port_arbiter.h"
#include "vp/memory/dram/refresh_policy.h"
#include "vp/memory/ram.h"

namespace vp {

class DramTiming final : public MemoryTimingPolicy {
public:
    DramTiming(const DramParams& params, std::unique_ptr<PortArbiter> arbiter);

    sc_core::sc_time access(unsigned port, bool is_write, uint64_t address, uint64_t bytes,
                            const sc_core::sc_time& arrival,
                            LatencyBreakdown* breakdown = nullptr) override;
    sc_core::sc_time dmi_latency_per_byte(bool is_write) const override;
    sc_core::sc_time last_data_time() const override { return last_data_time_; }
    void elaborate(const std::string& memory_name, const std::vector<std::string>& port_names,
                   Stats& stats) override;

    const DramParams& params() const { return p_; }
    const DramCounters& counters() const { return counters_; }
    // One controller clock, and n of them, as sc_time.
    sc_core::sc_time cycles(Cycle n) const;

private:
    static constexpr uint64_t kNoRow = ~uint64_t{0};
    enum class RowState { Hit, Miss, Conflict };

    struct Bank {
        uint64_t open_row = kNoRow;
        Cycle act_ok = kLongAgo;  // earliest ACTIVATE
        Cycle cas_ok = kLongAgo;  // earliest READ/WRITE (open row)
        Cycle pre_ok = kLongAgo;  // earliest PRECHARGE
    };
    // The device as one arbitration level sees it (port_arbiter.h). With round robin
    // there is one level: every port shares all of this.
    struct Level {
        Level(const DramParams& p, const RefreshPolicy& refresh_policy)
            : banks(p.banks), acts(p.tRRD, p.tRRD_L, p.tFAW), refresh(refresh_policy) {
            command_slots.fill(kLongAgo);
            slots_mod_64[kLongAgo & 63] = static_cast<uint8_t>(command_slots.size());
        }
        std::vector<Bank> banks;       // sized once
        ActivateWindow acts;
        BusCalendar data_bus;
        Cycle last_cas = kLongAgo;
        unsigned last_cas_group = ~0u;
        Cycle read_end = kLongAgo, write_end = kLongAgo;
        std::array<Cycle, 16> command_slots;
        unsigned command_next = 0;
        Cycle latest_command = kLongAgo;  // the latest slot in command_slots
        // How many of command_slots are t mod 64, per t mod 64: a 0 says slot t is free
        // without a search (most out-of-order ACTs).
        std::array<uint8_t, 64> slots_mod_64{};
        uint64_t refreshes_seen = 0;
        RefreshWindow refresh;  // the refresh policy's answers near this level's times
    };
    // How the first run of a transaction went (for the latency breakdown).
    struct FirstRun {
        RowState state = RowState::Hit;
        Cycle data_start = 0;
    };

    // Refresh: the earliest cycle >= t outside a refresh window; closes every bank of
    // the level when a refresh has started since the level last looked.
    Cycle admit(Level& level, Cycle t);
    void close_for_refresh(Level& level, uint64_t refreshes);
    Cycle issue_command(Level& level, Cycle t);  // the first free command slot at or after t
    Cycle first_free_slot(Level& level, Cycle t);  // issue_command when t is not the latest
    static Cycle free_slot_from(const Level& level, Cycle t);  // the same, booking nothing
    // The CAS cycle of a run whose data needs `length` bus cycles from >= data_ready: a
    // free command slot with its data on a free stretch of the bus (nothing is booked).
    Cycle find_cas(const Level& level, Cycle data_ready, Cycle latency, Cycle length) const;
    void precharge(Level& level, Bank& bank, Cycle earliest);
    void activate(Level& level, unsigned bank, uint64_t row, Cycle earliest);
    // The bus time [data_start, data_end) booked at `level` is lost to the levels below it.
    void book_for_lower_levels(const Level& level, Cycle data_start, Cycle data_end);
    // Appends the parts of `delay` (see MemoryTimingPolicy::access).
    void add_breakdown(LatencyBreakdown& breakdown, bool is_write, const sc_core::sc_time& delay,
                       Cycle arrival_cycle, Cycle start, uint64_t bursts, RowState first_state) const;
    // Times the bursts first_burst..last_burst of a transaction from `start` (admitted),
    // one run (bursts in one bank and row) at a time; returns the cycle its last data ends.
    // (Reads and writes are separate instances: neither loop tests the direction.)
    template <bool kIsWrite>
    Cycle time_bursts(Level& level, uint64_t first_burst, uint64_t last_burst, Cycle start,
                      FirstRun& first);

    DramParams p_;
    AddressMapping mapping_;
    std::unique_ptr<PagePolicy> page_policy_;
    std::unique_ptr<RefreshPolicy> refresh_;
    std::unique_ptr<PortArbiter> arbiter_;
    bool close_page_;             // page_policy_->close_after_access(), asked once
    CycleClock clock_;
    uint32_t burst_cycles_;
    uint32_t same_bank_ccd_;      // CAS spacing inside a run: same bank, so same group
    unsigned group_mask_;         // bank & group_mask_ = its bank group (groups: a power of two)
    bool ccd_l_exceeds_burst_;    // tCCD_L > a burst: the data bus does not enforce it
    std::vector<Level> levels_;   // one per arbitration level, sized once
    unsigned level_count_;
    sc_core::sc_time last_data_time_ = sc_core::SC_ZERO_TIME;
    // Data phases as sc_time by their length in cycles, for the few lengths a stream
    // repeats (sc_time::from_value is an out-of-line call): slot = cycles % size.
    struct DataTime {
        Cycle cycles = -1;  // none
        sc_core::sc_time time;
    };
    std::array<DataTime, 16> data_times_;
    UnitsToPs units_to_ps_;       // latencies to ps for the statistics
    DramCounters counters_;
    // Breakdown labels ("ddr.tRCD"), owned here so the parts can point at them.
    std::string label_refresh_ = "dram.refresh", label_queue_ = "dram.queue", label_trp_ = "dram.tRP",
                label_trcd_ = "dram.tRCD", label_cl_ = "dram.CL", label_cwl_ = "dram.CWL",
                label_burst_ = "dram.burst";
};

}  // namespace vp
