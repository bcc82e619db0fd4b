#include "vp/stream/axis_endpoints.h"

namespace vp {

AxisSource::AxisSource(sc_core::sc_module_name name, unsigned beat_bytes,
                       sc_core::sc_time beat_interval)
    : sc_module(name), socket("socket"), beat_bytes_(beat_bytes), beat_interval_(beat_interval) {
    SC_HAS_PROCESS(AxisSource);
    SC_THREAD(run);
}

void AxisSource::run() {
    tlm::tlm_generic_payload trans;
    AxisExtension ext;
    ext.beat_bytes = beat_bytes_;
    ext.beat_interval = beat_interval_;
    trans.set_extension(&ext);
    for (auto& packet : packets_) {
        sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
        trans.set_command(tlm::TLM_WRITE_COMMAND);
        trans.set_address(0);
        trans.set_data_ptr(packet.data());
        trans.set_data_length(static_cast<unsigned>(packet.size()));
        trans.set_streaming_width(static_cast<unsigned>(packet.size()));
        trans.set_byte_enable_ptr(nullptr);
        trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        socket->b_transport(trans, delay);
        ++sent_;
        wait(delay);  // the next packet starts after this one was taken
    }
    trans.clear_extension(&ext);
}

AxisSink::AxisSink(sc_core::sc_module_name name) : sc_module(name), socket("socket") {
    socket.register_b_transport(this, &AxisSink::b_transport);
}

void AxisSink::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const AxisExtension* ext = trans.get_extension<AxisExtension>();
    const unsigned beat_bytes = ext ? ext->beat_bytes : trans.get_data_length();
    const unsigned beats = axis_beats(trans.get_data_length(), beat_bytes ? beat_bytes : 1);
    if (ext && beats > 1) delay += ext->beat_interval * static_cast<double>(beats - 1);
    Packet p;
    p.data.assign(trans.get_data_ptr(), trans.get_data_ptr() + trans.get_data_length());
    p.last_beat_time = sc_core::sc_time_stamp() + delay;
    packets_.push_back(std::move(p));
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
    if (callback_) callback_(packets_.back());
}

}  // namespace vp
