#include "vp/platform/job_image.h"

#include <cmath>
#include <sstream>

#include "vp/config/config.h"
#include "vp/platform/memory_areas.h"

namespace vp {
namespace {

// Bump allocator over the data area.
class Layout {
public:
    explicit Layout(uint32_t start) : next_(start) {}
    uint32_t take(uint64_t bytes) {
        const uint64_t at = (next_ + 7) / 8 * 8;
        if (at + bytes > 0xFFFFFFFFull)
            throw ConfigError("software.data_address: the job does not fit below 4 GiB");
        next_ = at + bytes;
        return static_cast<uint32_t>(at);
    }
    uint64_t end() const { return next_; }

private:
    uint64_t next_;
};

template <typename T>
uint32_t place(Layout& layout, const std::vector<T>& v) {
    return v.empty() ? 0 : layout.take(v.size() * sizeof(T));
}

template <typename T>
void put(uint32_t at, const std::vector<T>& v, const MemoryWriter& write) {
    if (!v.empty()) write(at, v.data(), static_cast<uint32_t>(v.size() * sizeof(T)));
}

}  // namespace

vp_job_descriptor write_job_image(const Network& net, const Stimulus& stim,
                                  const JobAddresses& at, const DeviceMap& dev,
                                  const MemoryWriter& write) {
    if (at.rx % 8 != 0)
        throw ConfigError("software.rx_address must be 8-byte aligned for the AXI DMA");
    vp_job_descriptor d{};
    d.magic = VP_JOB_MAGIC;
    d.version = VP_JOB_VERSION;
    d.uart_base = dev.uart_base;
    d.timer_base = dev.timer_base;
    d.timer_hz = dev.timer_hz;
    d.dma_base = dev.dma_base;
    d.dma_mm_width_bytes = dev.dma_mm_width_bytes;
    d.dma_max_length_bytes = dev.dma_max_length_bytes;
    d.edgedrnn_base = dev.edgedrnn_base;
    d.num_layers = net.num_layers;
    d.input_size = net.input_size;
    for (unsigned l = 0; l < net.num_layers && l < 4; ++l) d.hidden[l] = net.hidden_sizes[l];
    d.thx = static_cast<uint32_t>(net.thx);
    d.thh = static_cast<uint32_t>(net.thh);
    d.timesteps = stim.timesteps;
    d.num_outputs = net.num_outputs;
    d.rx_addr = at.rx;

    Layout layout(at.data);
    d.weights_addr = place(layout, net.weights);
    d.weights_bytes = static_cast<uint32_t>(net.weights.size());
    d.stim_addr = place(layout, stim.inputs);
    d.gold_rnn_addr = place(layout, stim.gold_rnn);
    d.gold_fc_addr = net.num_outputs ? place(layout, stim.gold_fc) : 0;
    d.cl_weight_addr = place(layout, net.cl_weight);
    d.cl_bias_addr = place(layout, net.cl_bias);
    d.results_addr = layout.take(uint64_t{2} * net.last_hidden() * stim.timesteps);
    // The descriptor, the data area and the receive buffer are written by different parties
    // (vp, the application, the DMA): refused before anything is written when they overlap.
    std::vector<MemoryArea> areas = job_areas(at, d, net, stim);
    for (unsigned i = 0; i < areas.size(); ++i) areas[i].group = i;
    check_areas_apart(areas, "the job's areas must not share memory");

    put(d.weights_addr, net.weights, write);
    put(d.stim_addr, stim.inputs, write);
    put(d.gold_rnn_addr, stim.gold_rnn, write);
    if (net.num_outputs) put(d.gold_fc_addr, stim.gold_fc, write);
    put(d.cl_weight_addr, net.cl_weight, write);
    put(d.cl_bias_addr, net.cl_bias, write);
    write(at.descriptor, &d, sizeof d);
    return d;
}

std::vector<MemoryArea> job_areas(const JobAddresses& at, const vp_job_descriptor& d, const Network& net,
                                  const Stimulus& stim) {
    const uint64_t results_end = uint64_t{d.results_addr} + 2ull * net.last_hidden() * stim.timesteps;
    return {
        {"software.descriptor_address", "the job descriptor", at.descriptor, uint64_t{at.descriptor} + sizeof d},
        {"software.data_address", "weights, stimulus, gold and results", at.data, results_end},
        {"software.rx_address", "the receive buffer", at.rx, uint64_t{at.rx} + 2ull * net.last_hidden()},
    };
}

}  // namespace vp
