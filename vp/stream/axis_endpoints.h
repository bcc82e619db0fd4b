// Stream endpoints for harnesses and calibration platforms: a source that sends a list
// of packets back to back (each send blocks until the receiver took the data), and a
// sink that is always ready and records what it received and when.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "vp/stream/axis.h"

namespace vp {

class AxisSource : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<AxisSource> socket;

    // packets: the byte payload of each packet, sent in order from time 0.
    AxisSource(sc_core::sc_module_name name, unsigned beat_bytes, sc_core::sc_time beat_interval);
    void set_packets(std::vector<std::vector<uint8_t>> packets) { packets_ = std::move(packets); }
    uint64_t packets_sent() const { return sent_; }

private:
    void run();
    unsigned beat_bytes_;
    sc_core::sc_time beat_interval_;
    std::vector<std::vector<uint8_t>> packets_;
    uint64_t sent_ = 0;
};

class AxisSink : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<AxisSink> socket;

    struct Packet {
        std::vector<uint8_t> data;
        sc_core::sc_time last_beat_time;  // when the last beat was accepted
    };

    explicit AxisSink(sc_core::sc_module_name name);
    const std::vector<Packet>& packets() const { return packets_; }
    // Called after each packet (e.g. to stop the simulation after the last one).
    void on_packet(std::function<void(const Packet&)> callback) { callback_ = std::move(callback); }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    std::vector<Packet> packets_;
    std::function<void(const Packet&)> callback_;
};

}  // namespace vp
