// The job image's placement: the descriptor, the data area and the receive buffer must
// not overlap, and an overlap is refused before anything is written, naming both keys.
#include <gtest/gtest.h>

#include <string>

#include "vp/config/config.h"
#include "vp/platform/job_image.h"

namespace {

struct Job {
    vp::Network net;
    vp::Stimulus stim;
    Job() {
        net.num_layers = 1;
        net.input_size = 8;
        net.hidden_sizes = {16};
        net.weights.assign(4096, 1);  // from 0, past the receive buffer at 0x7A8
        stim.timesteps = 4;
        stim.input_size = 8;
        stim.inputs.assign(32, 0);
    }
};

// Returns the ConfigError's message ("" when the image was placed) and how many writes ran.
std::string place(const vp::JobAddresses& at, int* writes) {
    Job job;
    *writes = 0;
    try {
        vp::write_job_image(job.net, job.stim, at, vp::DeviceMap{},
                            [&](uint32_t, const void*, uint32_t) { ++*writes; });
    } catch (const vp::ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(JobImage, SeparateAreasArePlaced) {
    int writes = 0;
    EXPECT_EQ(place({0x00F00000, 0x01000000, 0x7A8}, &writes), "");
    EXPECT_EQ(writes, 3);  // weights, stimulus, descriptor
}

TEST(JobImage, DataAreaOnTheDescriptorIsRefusedNamingBothKeys) {
    int writes = 0;
    const std::string msg = place({0x00F00000, 0x00F00000, 0x7A8}, &writes);
    EXPECT_NE(msg.find("software.descriptor_address"), std::string::npos) << msg;
    EXPECT_NE(msg.find("software.data_address"), std::string::npos) << msg;
    EXPECT_NE(msg.find("0xf00000.."), std::string::npos) << msg;
    EXPECT_EQ(writes, 0);
}

TEST(JobImage, ReceiveBufferInsideTheDataAreaIsRefused) {
    int writes = 0;
    const std::string msg = place({0x00F00000, 0x0, 0x7A8}, &writes);
    EXPECT_NE(msg.find("software.data_address"), std::string::npos) << msg;
    EXPECT_NE(msg.find("software.rx_address (the receive buffer, 0x7a8..0x7c7)"), std::string::npos) << msg;
    EXPECT_EQ(writes, 0);
}

TEST(JobImage, ReceiveBufferTouchingTheDataAreaIsFine) {
    int writes = 0;
    // 16 outputs of 2 bytes end at 0x1000 exactly, where the data area starts.
    EXPECT_EQ(place({0x00F00000, 0x1000, 0x1000 - 32}, &writes), "");
}
