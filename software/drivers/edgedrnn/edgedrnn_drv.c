#include "software/drivers/edgedrnn/edgedrnn_drv.h"

#include "software/hal/hal.h"
#include "software/include/hw/edgedrnn_regs.h"

static int size_ok(uint32_t h) { return h % 8 == 0 && h >= 16 && h <= 1024; }

edgedrnn_status edgedrnn_program(uint32_t base, const edgedrnn_config *cfg) {
    uint32_t l;
    if (cfg->num_layers < 1 || cfg->num_layers > 4) return EDGEDRNN_EINVAL;
    if (cfg->input_size == 0 || cfg->input_size % 8 != 0 || cfg->input_size > 1024)
        return EDGEDRNN_EINVAL;
    if (cfg->weights_addr % 8 != 0) return EDGEDRNN_EINVAL;
    for (l = 0; l < cfg->num_layers; ++l)
        if (!size_ok(cfg->hidden[l])) return EDGEDRNN_EINVAL;

    hal_write32(base + EDGEDRNN_W_BASEADDR, cfg->weights_addr);
    hal_write32(base + EDGEDRNN_THX, cfg->thx);
    hal_write32(base + EDGEDRNN_THH, cfg->thh);
    hal_write32(base + EDGEDRNN_NUM_LAYER, cfg->num_layers);
    hal_write32(base + EDGEDRNN_SIZE_0, cfg->input_size);
    for (l = 0; l < 4; ++l)
        hal_write32(base + EDGEDRNN_SIZE(l + 1), l < cfg->num_layers ? cfg->hidden[l] : 0);
    hal_dcache_flush_range(cfg->weights_addr, cfg->weights_bytes);
    return EDGEDRNN_OK;
}
