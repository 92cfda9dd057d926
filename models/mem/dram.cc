#include "models/mem/dram.h"

#include "models/common/sc_time_conv.h"

namespace invalsim::mem {

using common::Duration;

Dram::Dram(sc_core::sc_module_name name, const DramParams& params)
    : sc_module(name),
      socket("socket"),
      m_params(params),
      m_store(params.size_bytes, params.fill_byte),
      m_timing(params.channels, params.channel_interleave_bytes, params.channel_bandwidth_gbps) {
    socket.register_b_transport(this, &Dram::b_transport);
    socket.register_transport_dbg(this, &Dram::transport_dbg);
}

bool Dram::in_range(const tlm::tlm_generic_payload& trans) const {
    const std::uint64_t a = trans.get_address();
    return a < m_params.size_bytes && trans.get_data_length() <= m_params.size_bytes - a;
}

void Dram::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    if (!in_range(trans) || trans.get_byte_enable_ptr() != nullptr) {
        trans.set_response_status(in_range(trans) ? tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE
                                                  : tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    const std::uint64_t offset = trans.get_address();
    const unsigned len = trans.get_data_length();
    const bool is_read = trans.is_read();
    const Duration arrival = common::from_sc(sc_core::sc_time_stamp() + delay);
    const Duration latency = is_read ? m_params.read_latency : m_params.write_latency;
    delay += common::to_sc(m_timing.access(arrival, offset, len, latency));
    if (is_read) {
        m_store.read(offset, trans.get_data_ptr(), len);
        ++m_stats.reads;
        m_stats.read_bytes += len;
    } else {
        m_store.write(offset, trans.get_data_ptr(), len);
        ++m_stats.writes;
        m_stats.write_bytes += len;
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

unsigned int Dram::transport_dbg(tlm::tlm_generic_payload& trans) {
    if (!in_range(trans)) return 0;
    if (trans.is_read()) {
        m_store.read(trans.get_address(), trans.get_data_ptr(), trans.get_data_length());
    } else {
        m_store.write(trans.get_address(), trans.get_data_ptr(), trans.get_data_length());
    }
    return trans.get_data_length();
}

DramStats Dram::stats() const {
    DramStats s = m_stats;
    s.busy = m_timing.busy_total();
    s.queued = m_timing.queued_total();
    s.pages_allocated = m_store.pages_allocated();
    return s;
}

}  // namespace invalsim::mem
