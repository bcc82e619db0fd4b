#include "vp/platform/minized_platform.h"

#include <sstream>

#include "peripherals/gic/gic.h"
#include "software/apps/edgedrnn_bench/edgedrnn_bench.h"
#include "vp/common/log.h"
#include "vp/cpu/arm_cpu.h"
#include "vp/platform/cpu_factory.h"
#include "vp/platform/job_image.h"
#include "vp/platform/minized_memory_checks.h"
#include "vp/platform/run_reports.h"
#include "vp/platform/zynq_memory.h"
#include "vp/platform/zynq_regions.h"
#include "vp/stats/stats.h"

namespace vp {
namespace {

// The GIC model takes the place of these unmodelled regions (same keys: gic_cpu.base, gic_dist.base).
bool is_gic_region(const std::string& name) { return name == "gic_cpu" || name == "gic_dist"; }

// The global quantum the platform files use: beside the traffic generator a longer one
// changes the results (bookings in call order), so it is warned about.
constexpr unsigned kTrafficStableQuantumNs = 1000;

uint32_t address_key(const Config& c, const std::string& key) {
    return static_cast<uint32_t>(c.get_uint(key));
}

// A window of registers: base and size from the configuration.
AddressRegion window(const Config& c, const std::string& name, unsigned target, uint64_t size,
                     uint64_t target_offset = 0) {
    return AddressRegion{name, c.get_uint(name + ".base"), size, target, target_offset};
}

}  // namespace

MinizedPlatform::MinizedPlatform(const Config& c, const Network& network, const Stimulus& stimulus,
                                 Stats& stats)
    : network_(network), stimulus_(stimulus) {
    if (c.is_set("workload.weight_address"))
        throw ConfigError(c.origin("workload.weight_address") +
                          ": workload.weight_address is for platform.kind = edgedrnn-ideal; the minized "
                          "platform places the weights itself, first in the job's data area "
                          "(software.data_address), and would ignore it: remove the key or move "
                          "software.data_address");
    edgedrnn::EdgeDrnnParams accel = edgedrnn::EdgeDrnnParams::from_config(c);
    edgedrnn_clock_hz_ = accel.clock_hz;
    const TrafficParams traffic = TrafficParams::from_config(c);
    const sc_core::sc_time quantum(static_cast<double>(c.get_uint("sim.quantum_ns")), sc_core::SC_NS);
    if (traffic.enable && accel.quantum > quantum) {
        // Bookings are made in call order: an accelerator far ahead would take the DDR
        // before the generator's earlier-timed accesses (README "Timing approach").
        accel.quantum = quantum;
        log_info("edgedrnn", "traffic.enable: the accelerator runs ahead by sim.quantum_ns only "
                             "(edgedrnn.quantum_ns is for the accelerator as the only memory master)");
    }
    if (traffic.enable && quantum > sc_core::sc_time(kTrafficStableQuantumNs, sc_core::SC_NS))
        log_warning("vp", "sim.quantum_ns = " + c.get_text("sim.quantum_ns") + " (" + c.origin("sim.quantum_ns") +
                              ") with traffic.enable = true: beside the traffic generator the results depend "
                              "on the quantum above " + std::to_string(kTrafficStableQuantumNs) +
                              " ns (the masters book the DDR in call order, each up to a quantum ahead, so "
                              "latencies grow with it and a long enough quantum exhausts the driver's poll "
                              "budget; README \"Timing approach\"): use " +
                              std::to_string(kTrafficStableQuantumNs) + " or less for comparable figures");
    descriptor_address_ = address_key(c, "software.descriptor_address");

    ps_ = std::make_unique<AxiInterconnect>("ps", stats, interconnect_params_for_run(c, "ps"));
    gp0_ = std::make_unique<AxiInterconnect>("gp0", stats, interconnect_params_for_run(c, "gp0"));
    hp_ = std::make_unique<AxiInterconnect>("hp", stats, interconnect_params_for_run(c, "hp"));
    ddr_ = make_zynq_ddr(c, stats, {"cpu", "hp0"});  // ddr.timing: dram/simple/ideal
    ocm_ = make_zynq_ocm(c, stats, {"cpu", "hp0"});
    uart_ = std::make_unique<zynq::CadenceUart>("uart1", zynq::CadenceUartParams::from_config(c), stats);
    timer_ = std::make_unique<zynq::A9GlobalTimer>("timer", zynq::A9GlobalTimerParams::from_config(c), stats);
    for (const auto& spec : zynq_unmodelled_regions())
        if (!is_gic_region(spec.name)) regions_.push_back(std::make_unique<zynq::UnmodelledRegion>(
            spec.name.c_str(), spec, c.get_uint(spec.name + ".base"), stats));
    dma_ = std::make_unique<axi_dma::AxiDma>("axi_dma", axi_dma::AxiDmaParams::from_config(c), stats);
    edgedrnn_ = std::make_unique<edgedrnn::EdgeDrnn>("edgedrnn", accel, stats);
    cpu_ = make_cpu(c, stats, descriptor_address_);
    wire_interrupts(stats);
    loader_ = std::make_unique<BusLoader>("loader");
    if (traffic.enable) traffic_ = std::make_unique<TrafficGenerator>("traffic", traffic, stats);

    build_memory_map(c);
    check_traffic_in_memory(traffic, ps_->address_map());
    dma_->m_axis_mm2s.bind(edgedrnn_->s_axis_input);
    edgedrnn_->m_axis_output.bind(dma_->s_axis_s2mm);
    const auto* arm = dynamic_cast<const ArmCpu*>(cpu_.get());  // (its program was read once, by the CPU)
    check_memory_writers_apart(traffic, write_job(c, network, stimulus), arm ? &arm->program() : nullptr);
}

MinizedPlatform::~MinizedPlatform() = default;

void MinizedPlatform::build_memory_map(const Config& c) {
    auto port = [&](const std::string& prefix, const std::string& name) {
        return PortParams::from_config(c, prefix, name);
    };

    // PS interconnect: the CPU (and the loader) to memories, PS devices and GP0.
    ps_->add_initiator(port("ps", "cpu"));
    ps_->add_initiator(port("ps", "loader"));
    cpu_->bus.bind(ps_->upstream);
    loader_->socket.bind(ps_->upstream);
    if (traffic_) {  // what-if load: a memcpy-like master beside the CPU (traffic.enable)
        ps_->add_initiator(port("ps", "traffic"));
        traffic_->socket.bind(ps_->upstream);
    }

    const ZynqMemoryWindows memory = zynq_memory_windows(c, *ddr_, *ocm_);
    const unsigned ps_ddr = ps_->add_target(port("ps", "ddr"));
    ps_->downstream.bind(ddr_->socket);
    map_window(*ps_, memory.ddr, ps_ddr);
    const unsigned ps_ocm = ps_->add_target(port("ps", "ocm"));
    ps_->downstream.bind(ocm_->socket);
    map_window(*ps_, memory.ocm_low, ps_ocm);
    map_window(*ps_, memory.ocm_high, ps_ocm);
    const unsigned ps_uart = ps_->add_target(port("apb", "uart1"));
    ps_->downstream.bind(uart_->socket);
    ps_->map(window(c, "uart1", ps_uart, 0x1000));
    const unsigned ps_timer = ps_->add_target(port("apb", "timer"));
    ps_->downstream.bind(timer_->socket);
    ps_->map(window(c, "timer", ps_timer, 0x100));
    for (auto& region : regions_) {
        const unsigned t = ps_->add_target(port("apb", region->spec().name));
        ps_->downstream.bind(region->socket);
        ps_->map(window(c, region->spec().name, t, region->spec().size_bytes));
    }
    map_gic(c, *ps_);

    // GP0: the PL's register windows keep their full addresses across GP0.
    const unsigned ps_gp0 = ps_->add_target(port("gp0", "gp0"));
    ps_->downstream.bind(gp0_->upstream);
    const uint64_t dma_window = c.get_uint("axi_dma.size_bytes");
    const uint64_t accel_window = c.get_uint("edgedrnn.size_bytes");
    ps_->map(window(c, "axi_dma", ps_gp0, dma_window, c.get_uint("axi_dma.base")));
    ps_->map(window(c, "edgedrnn", ps_gp0, accel_window, c.get_uint("edgedrnn.base")));

    gp0_->add_initiator(port("axilite", "ps"));
    const unsigned gp0_dma = gp0_->add_target(port("axilite", "axi_dma"));
    gp0_->downstream.bind(dma_->axil);
    gp0_->map(window(c, "axi_dma", gp0_dma, dma_window));
    const unsigned gp0_accel = gp0_->add_target(port("axilite", "edgedrnn"));
    gp0_->downstream.bind(edgedrnn_->axil);
    gp0_->map(window(c, "edgedrnn", gp0_accel, accel_window));

    // PL interconnect: the PL's memory masters into HP0, which reaches DDR and the OCM.
    hp_->add_initiator(port("hp", "dma_mm2s"));
    dma_->m_axi_mm2s.bind(hp_->upstream);
    hp_->add_initiator(port("hp", "dma_s2mm"));
    dma_->m_axi_s2mm.bind(hp_->upstream);
    hp_->add_initiator(port("hp", "edgedrnn_weights"));
    edgedrnn_->m_axi_weights.bind(hp_->upstream);
    attach_hp0(*hp_, c, *ddr_, *ocm_, memory);
}

std::vector<MemoryArea> MinizedPlatform::write_job(const Config& c, const Network& net, const Stimulus& stim) {
    JobAddresses at;
    at.descriptor = descriptor_address_;
    at.data = address_key(c, "software.data_address");
    at.rx = address_key(c, "software.rx_address");
    DeviceMap dev;
    dev.uart_base = address_key(c, "uart1.base");
    dev.timer_base = address_key(c, "timer.base");
    dev.timer_hz = static_cast<uint32_t>(c.get_uint("timer.clock_hz"));
    dev.dma_base = address_key(c, "axi_dma.base");
    dev.dma_mm_width_bytes = static_cast<uint32_t>(c.get_uint("axi_dma.mm_data_width_bytes"));
    dev.dma_max_length_bytes = dma_->max_length_bytes();
    dev.edgedrnn_base = address_key(c, "edgedrnn.base");

    // Lay the image out now, so a job that does not fit the memory map is a
    // configuration error before anything runs; write it once the bus is bound.
    struct Chunk {
        uint32_t address;
        std::vector<uint8_t> bytes;
    };
    auto chunks = std::make_shared<std::vector<Chunk>>();
    descriptor_ = write_job_image(net, stim, at, dev, [&](uint32_t a, const void* d, uint32_t n) {
        const AddressRegion* r = ps_->address_map().decode(a, n);
        if (!r || (r->name != "ddr" && r->name != "ocm_low" && r->name != "ocm_high")) {
            std::ostringstream os;
            os << "the job's " << n << " bytes at 0x" << std::hex << a
               << " are not all in DDR or OCM: check software.descriptor_address, "
                  "software.data_address and the memory's size";
            throw ConfigError(os.str());
        }
        const auto* p = static_cast<const uint8_t*>(d);
        chunks->push_back({a, std::vector<uint8_t>(p, p + n)});
    });
    const uint64_t results_end = uint64_t{descriptor_.results_addr} + 2ull * net.last_hidden() * stim.timesteps;
    if (!ps_->address_map().decode(descriptor_.results_addr, results_end - descriptor_.results_addr) ||
        !ps_->address_map().decode(at.rx, 2ull * net.last_hidden()))
        throw ConfigError("software.data_address / software.rx_address: the results or the receive "
                          "buffer fall outside memory");
    loader_->at_start([this, chunks] {
        for (const Chunk& chunk : *chunks)
            loader_->write(chunk.address, chunk.bytes.data(), static_cast<uint32_t>(chunk.bytes.size()));
        chunks->clear();
    });
    return job_areas(at, descriptor_, net, stim);
}

void MinizedPlatform::finish(Stats& stats) {
    loader_->read(descriptor_address_, &descriptor_, sizeof descriptor_);
    const vp_job_descriptor& d = descriptor_;
    const unsigned h = network_.last_hidden();
    steps_ = d.steps_done <= stimulus_.timesteps ? d.steps_done : 0;
    outputs_.assign(static_cast<std::size_t>(steps_) * h, 0);
    if (steps_) loader_->read(d.results_addr, outputs_.data(), static_cast<uint32_t>(outputs_.size() * 2));
    end_time_ = sc_core::sc_time_stamp();

    if (steps_ && d.timer_hz) {
        const double us_per_tick = 1e6 / d.timer_hz;
        const uint64_t sum = (uint64_t{d.latency_ticks_sum_hi} << 32) | d.latency_ticks_sum_lo;
        stats.set_value("run.latency_us.min", d.latency_ticks_min * us_per_tick, "us",
                        "time step latency as the application measured it (global timer): fewest");
        stats.set_value("run.latency_us.mean", static_cast<double>(sum) / steps_ * us_per_tick, "us",
                        "time step latency as the application measured it: mean");
        stats.set_value("run.latency_us.max", d.latency_ticks_max * us_per_tick, "us",
                        "time step latency as the application measured it: most");
    }
    stats.set_integer("run.app_status", d.status, "", "the application's status (0 = ok)");
    stats.set_integer("run.app_exit", static_cast<uint64_t>(cpu_->exit_status()), "",
                      "the program's return value");

    const std::string of_steps = std::to_string(steps_) + " of " + std::to_string(stimulus_.timesteps) + " time steps";
    if (!cpu_->finished()) {
        const auto* arm = dynamic_cast<const ArmCpu*>(cpu_.get());
        const std::string asleep = arm ? arm->asleep() : std::string();
        failure_ = !asleep.empty() ? "the program did not finish after " + of_steps + ": " + asleep
                   : warning_count() ? "the application did not finish (it is waiting on the hardware; see the warnings)"
                                     : "the application did not finish (it is waiting on the hardware)";
    } else if (!cpu_->fault().empty()) {
        failure_ = "the application was stopped: " + cpu_->fault();
    } else if (d.status != APP_OK && d.status != APP_MISMATCH) {
        failure_ = "the application failed with status " + std::to_string(d.status) +
                   " (see its console output above)";
    } else if (d.status == APP_OK && steps_ < stimulus_.timesteps) {
        // Not a stall: the program returned (run.app_exit) before doing all the work, and
        // not at a mismatch (APP_MISMATCH: the outputs' verdict names the step).
        failure_ = "the program exited with status " + std::to_string(cpu_->exit_status()) + " after " + of_steps;
    }
}

// ---- interrupts: the AXI DMA's and the global timer's lines into the GIC, the GIC into the CPU.

void MinizedPlatform::wire_interrupts(Stats& stats) {
    gic_ = std::make_unique<zynq::Gic>("gic", stats);
    dma_->mm2s_introut.connect(gic_->input(GIC_ID_AXI_DMA_MM2S));
    dma_->s2mm_introut.connect(gic_->input(GIC_ID_AXI_DMA_S2MM));
    timer_->irq.connect(gic_->input(GIC_ID_GLOBAL_TIMER));
    gic_->on_irq = [this](bool level) { cpu_->set_irq(level); };
}

void MinizedPlatform::map_gic(const Config& c, AxiInterconnect& ps) {
    const unsigned cpu_if = ps.add_target(PortParams::from_config(c, "apb", "gic_cpu"));
    ps.downstream.bind(gic_->cpu_if);
    ps.map(AddressRegion{"gic_cpu", c.get_uint("gic_cpu.base"), 0x100, cpu_if, 0});
    const unsigned dist = ps.add_target(PortParams::from_config(c, "apb", "gic_dist"));
    ps.downstream.bind(gic_->dist);
    ps.map(AddressRegion{"gic_dist", c.get_uint("gic_dist.base"), 0x1000, dist, 0});
}

}  // namespace vp
