#include "vp/platform/job_image.h"

#include <cmath>
#include <sstream>

#include "vp/config/config.h"

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

private:
    uint64_t next_;
};

template <typename T>
uint32_t put(Layout& layout, const std::vector<T>& v, const MemoryWriter& write) {
    if (v.empty()) return 0;
    const uint32_t at = layout.take(v.size() * sizeof(T));
    write(at, v.data(), static_cast<uint32_t>(v.size() * sizeof(T)));
    return at;
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
    d.weights_addr = put(layout, net.weights, write);
    d.weights_bytes = static_cast<uint32_t>(net.weights.size());
    d.stim_addr = put(layout, stim.inputs, write);
    d.gold_rnn_addr = put(layout, stim.gold_rnn, write);
    d.gold_fc_addr = net.num_outputs ? put(layout, stim.gold_fc, write) : 0;
    d.cl_weight_addr = put(layout, net.cl_weight, write);
    d.cl_bias_addr = put(layout, net.cl_bias, write);
    d.results_addr = layout.take(uint64_t{2} * net.last_hidden() * stim.timesteps);
    write(at.descriptor, &d, sizeof d);
    return d;
}

}  // namespace vp
