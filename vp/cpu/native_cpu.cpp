#include "vp/cpu/native_cpu.h"

#include <cstring>
#include <sstream>
#include <stdexcept>

#include "vp/common/log.h"
#include "vp/common/stop_request.h"
#include "vp/common/time_ps.h"
#include "vp/cpu/poll_wait.h"
#include "vp/config/config.h"
#include "vp/interconnect/axi_extension.h"
#include "vp/stats/stats.h"

namespace vp {

NativeCpu* NativeCpu::current_ = nullptr;

void NativeCpuParams::declare(ConfigSchema& s) {
    s.add_uint("cpu.clock_hz", 667000000, "Hz", "Cortex-A9 clock (MiniZed: 667 MHz)", 1e6, 1e10);
    s.add_double("cpu.hal_access_ns", 0, "ns", "native CPU: CPU-side cost of a register access, added to the bus time", 0, 1e6);
    s.add_double("cpu.hal_call_ns", 20, "ns", "native CPU: cost of other HAL calls (address translation, exit)", 0, 1e6);
    s.add_double("cpu.cache_line_ns", 5, "ns", "native CPU: cost per 32-byte line of cache maintenance", 0, 1e6);
    s.add_bool("cpu.poll_skip", true,
               "native CPU and ARM ISS: in a polling loop on a status register, wait for its change instead of "
               "simulating every read");
    s.add_double("cpu.poll_hang_s", 60, "s",
                 "native CPU and ARM ISS (with cpu.poll_skip): stop the program as hung once it has polled, for this "
                 "long in simulated time, a register nothing in the platform can change any more (no activity "
                 "pending); 0 = never",
                 0, 1e9);
}

NativeCpuParams NativeCpuParams::from_config(const Config& c) {
    NativeCpuParams p;
    p.clock_hz = static_cast<double>(c.get_uint("cpu.clock_hz"));
    p.hal_access_ns = c.get_double("cpu.hal_access_ns");
    p.hal_call_ns = c.get_double("cpu.hal_call_ns");
    p.poll_hang_s = c.get_double("cpu.poll_hang_s");
    p.cache_line_ns = c.get_double("cpu.cache_line_ns");
    p.poll_skip = c.get_bool("cpu.poll_skip");
    return p;
}

NativeCpu::NativeCpu(sc_core::sc_module_name name, const NativeCpuParams& params, Stats& stats,
                     std::function<int(uint32_t)> program, uint32_t argument)
    : Cpu(name), params_(params), program_(std::move(program)), argument_(argument),
      hang_watch_(params.poll_hang_s) {
    tlm_utils::tlm_quantumkeeper::set_global_quantum(params.quantum);
    qk_.reset();
    SC_HAS_PROCESS(NativeCpu);
    SC_THREAD(run);
    // Register accesses (RAM goes through DMI): single beats, device memory (AxCACHE 0),
    // privileged data access (AxPROT = 001), as the bare-metal driver runs.
    AxiExtension& ext = attach_axi_extension(trans_, "cpu", 0);
    ext.prot = 0x1;
    poll_hint_ = new PollHintExtension;
    trans_.set_extension(poll_hint_);
    const std::string n = basename();
    stats.add_counter(n + ".reads", &reads_, "", "register reads (TLM)");
    stats.add_counter(n + ".writes", &writes_, "", "register writes (TLM)");
    stats.add_counter(n + ".hal_calls", &hal_calls_, "", "other HAL calls");
    stats.add_counter(n + ".bus_errors", &bus_errors_, "", "CPU accesses answered with a bus error");
    stats.add_counter(n + ".dmi_grants", &dmi_grants_, "", "DMI regions obtained for RAM");
    stats.add_counter(n + ".polls_skipped", &polls_skipped_, "",
                      "status-register reads of polling loops not simulated one by one (cpu.poll_skip)");
    stats.add_counter(n + ".poll_waits", &poll_waits_, "", "polling loops that waited for a change event");
}

NativeCpu& NativeCpu::current() {
    if (!current_) throw std::logic_error("a HAL function was called outside the native CPU's thread");
    return *current_;
}

void NativeCpu::run() {
    current_ = this;
    try {
        exit_status_ = program_(argument_);
    } catch (const ProgramExit& e) {
        exit_status_ = e.status;
    }
    qk_.sync();
    finished_ = true;
    current_ = nullptr;
    // The program is the platform's workload: when it ends, the run ends.
    sc_core::sc_stop();
}

void NativeCpu::charge(double ns) {
    qk_.inc(sc_core::sc_time(ns, sc_core::SC_NS));
    if (qk_.need_sync()) qk_.sync();
}

void NativeCpu::stop_on_request() {
    fault_ = stop_request_message();
    log_warning(name(), fault_);
    throw ProgramExit{130};
}

void NativeCpu::access(tlm::tlm_command cmd, uint32_t addr, uint32_t& value, bool may_sync) {
    if (stop_requested()) stop_on_request();
    unsigned char data[4];
    if (cmd == tlm::TLM_WRITE_COMMAND) std::memcpy(data, &value, 4);  // little-endian host
    trans_.set_command(cmd);
    trans_.set_address(addr);
    trans_.set_data_ptr(data);
    trans_.set_data_length(4);
    trans_.set_streaming_width(4);
    trans_.set_byte_enable_ptr(nullptr);
    trans_.set_dmi_allowed(false);
    trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    poll_hint_->change = nullptr;
    poll_credit_ = 0;  // any other access ends the loop the credit was for
    sc_core::sc_time delay = qk_.get_local_time();
    bus->b_transport(trans_, delay);
    qk_.set(delay);
    if (trans_.is_response_error()) {
        ++bus_errors_;
        std::ostringstream os;
        os << "data abort: " << (cmd == tlm::TLM_READ_COMMAND ? "read" : "write") << " at 0x"
           << std::hex << addr << " answered " << trans_.get_response_string();
        fault_ = os.str();
        log_warning(name(), fault_ + "; the program is stopped");
        throw ProgramExit{128};
    }
    if (cmd == tlm::TLM_READ_COMMAND) std::memcpy(&value, data, 4);
    if (may_sync) charge(params_.hal_access_ns);
    else qk_.inc(sc_core::sc_time(params_.hal_access_ns, sc_core::SC_NS));
}

uint32_t NativeCpu::read32(uint32_t addr) {
    if (poll_credit_ && addr == last_read_addr_) {  // (see the header: a stuck device)
        if (stop_requested()) stop_on_request();
        --poll_credit_;
        return last_read_value_;
    }
    ++reads_;
    uint32_t v = 0;
    access(tlm::TLM_READ_COMMAND, addr, v);
    if (polling(addr, v)) v = wait_for_change(addr, v);
    return v;
}

bool NativeCpu::polling(uint32_t addr, uint32_t value) {
    const sc_core::sc_time end = sc_core::sc_time_stamp() + qk_.get_local_time();
    const bool again = poll_hint_->change && addr == last_read_addr_ && value == last_read_value_;
    same_reads_ = again ? same_reads_ + 1 : 0;
    poll_period_ = end - last_read_end_;  // one iteration of the loop
    last_read_addr_ = addr;
    last_read_value_ = value;
    last_read_end_ = end;
    // Three equal reads in a row with nothing else between: a polling loop.
    return params_.poll_skip && same_reads_ >= 2 && poll_period_ > sc_core::SC_ZERO_TIME;
}

uint32_t NativeCpu::wait_for_change(uint32_t addr, uint32_t value) {
    // Let the rest of the platform catch up and look again: the change may have happened
    // meanwhile (its event already fired).
    qk_.sync();
    ++reads_;
    uint32_t now_value = 0;
    access(tlm::TLM_READ_COMMAND, addr, now_value, /*may_sync=*/false);
    if (now_value != value || !poll_hint_->change) return now_value;
    ++poll_waits_;
    const PollWake w = wait_for_poll_change(*poll_hint_->change, static_cast<double>(to_ps(poll_period_)),
                                            static_cast<double>(to_ps(qk_.get_local_time())));
    qk_.set(sc_core::sc_time(w.resume_ps - w.woke_ps, sc_core::SC_PS));
    // The reads the loop would have made meanwhile; then the read that sees the change.
    polls_skipped_ += static_cast<uint64_t>(w.periods);
    ++reads_;
    access(tlm::TLM_READ_COMMAND, addr, now_value);
    last_read_value_ = now_value;
    last_read_end_ = sc_core::sc_time_stamp() + qk_.get_local_time();
    // Still the old value: the loop's reads the wait stood for are owed to it.
    poll_credit_ = w.owed_reads(now_value != value);
    if (hang_watch_.hung_after(addr, value, now_value != value, w)) {
        fault_ = hang_watch_.describe();
        log_warning(name(), fault_);
        throw ProgramExit{128};
    }
    return now_value;
}

void NativeCpu::write32(uint32_t addr, uint32_t value) {
    ++writes_;
    same_reads_ = 0;  // a loop that writes is not a pure polling loop
    access(tlm::TLM_WRITE_COMMAND, addr, value);
}

void NativeCpu::cache_maintenance(uint32_t addr, uint32_t bytes) {
    ++hal_calls_;
    same_reads_ = 0;
    poll_credit_ = 0;
    const uint64_t first = addr / 32, last = (uint64_t{addr} + (bytes ? bytes : 1) - 1) / 32;
    charge(params_.hal_call_ns + params_.cache_line_ns * static_cast<double>(last - first + 1));
}

void* NativeCpu::phys_to_ptr(uint32_t addr, uint32_t bytes) {
    ++hal_calls_;
    charge(params_.hal_call_ns);
    const uint64_t end = uint64_t{addr} + (bytes ? bytes - 1 : 0);
    for (const tlm::tlm_dmi& d : dmi_)
        if (addr >= d.get_start_address() && end <= d.get_end_address())
            return d.get_dmi_ptr() + (addr - d.get_start_address());
    tlm::tlm_dmi dmi;
    trans_.set_command(tlm::TLM_READ_COMMAND);
    trans_.set_address(addr);
    trans_.set_data_length(bytes ? bytes : 1);
    trans_.set_byte_enable_ptr(nullptr);
    if (!bus->get_direct_mem_ptr(trans_, dmi) || !dmi.is_read_write_allowed() ||
        addr < dmi.get_start_address() || end > dmi.get_end_address())
        return nullptr;
    ++dmi_grants_;
    dmi_.push_back(dmi);
    return dmi.get_dmi_ptr() + (addr - dmi.get_start_address());
}

void NativeCpu::exit(int status) {
    ++hal_calls_;
    throw ProgramExit{status};
}

}  // namespace vp
