// Platform "minized": the Avnet MiniZed's Zynq-7007S with EdgeDRNN in the PL, assembled
// from the platform file. The CPU runs the real driver flow (software/apps/edgedrnn_bench)
// against the same registers and DMA flow as the board:
//
//   cpu --> ps interconnect --+--> ddr (port "cpu") / ocm (port "cpu")
//                             +--> uart1, timer, unmodelled PS regions (apb ports)
//                             +--> gp0 --> gp0 interconnect --> axi_dma regs, edgedrnn regs
//   axi_dma MM2S --stream--> edgedrnn --stream--> axi_dma S2MM
//   axi_dma MM2S / S2MM masters, edgedrnn weight fetch --> hp interconnect
//                             --> hp0 --> ddr (port "hp0") / ocm (port "hp0")
//
// vp places the job in DDR and tells the application where through a descriptor
// (software/include/vp_job.h) at software.descriptor_address.
#pragma once

#include <memory>
#include <vector>

#include "peripherals/axi_dma/axi_dma.h"
#include "peripherals/edgedrnn/edgedrnn.h"
#include "peripherals/timer/a9_global_timer.h"
#include "peripherals/uart/cadence_uart.h"
#include "peripherals/zynq_ps/unmodelled_region.h"
#include "software/include/vp_job.h"
#include "vp/cpu/cpu.h"
#include "vp/interconnect/axi_interconnect.h"
#include "vp/memory/ram.h"
#include "vp/platform/bus_loader.h"
#include "vp/platform/memory_areas.h"
#include "vp/platform/platform_instance.h"
#include "vp/traffic/traffic_generator.h"

namespace zynq {
class Gic;
}

namespace vp {

class MinizedPlatform : public PlatformInstance {
public:
    MinizedPlatform(const Config& config, const Network& network, const Stimulus& stimulus,
                    Stats& stats);
    ~MinizedPlatform() override;

    const std::vector<int16_t>& rnn_outputs() const override { return outputs_; }
    unsigned steps_completed() const override { return steps_; }
    sc_core::sc_time last_output_time() const override { return end_time_; }
    double accelerator_clock_hz() const override { return edgedrnn_clock_hz_; }
    void finish(Stats& stats) override;
    std::string failure() const override { return failure_; }

private:
    void build_memory_map(const Config& c);
    // Lays the job out (loaded at the start of simulation); returns its areas.
    std::vector<MemoryArea> write_job(const Config& c, const Network& net, const Stimulus& stim);
    void wire_interrupts(Stats& stats);                      // the GIC and its inputs
    void map_gic(const Config& c, AxiInterconnect& ps);

    const Network& network_;
    const Stimulus& stimulus_;
    double edgedrnn_clock_hz_;
    uint32_t descriptor_address_ = 0;
    vp_job_descriptor descriptor_{};

    std::unique_ptr<AxiInterconnect> ps_, gp0_, hp_;
    std::unique_ptr<Ram> ddr_, ocm_;
    std::unique_ptr<zynq::CadenceUart> uart_;
    std::unique_ptr<zynq::A9GlobalTimer> timer_;
    std::vector<std::unique_ptr<zynq::UnmodelledRegion>> regions_;
    std::unique_ptr<axi_dma::AxiDma> dma_;
    std::unique_ptr<edgedrnn::EdgeDrnn> edgedrnn_;
    std::unique_ptr<Cpu> cpu_;
    std::unique_ptr<zynq::Gic> gic_;  // replaces the unmodelled gic_cpu / gic_dist regions
    std::unique_ptr<BusLoader> loader_;  // loads the job over the PS interconnect
    std::unique_ptr<TrafficGenerator> traffic_;  // what-if load on the PS interconnect (traffic.enable)

    std::vector<int16_t> outputs_;
    unsigned steps_ = 0;
    sc_core::sc_time end_time_;
    std::string failure_;
};

}  // namespace vp
