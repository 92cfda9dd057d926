#include "models/mem/memory_device.h"

#include "models/common/sc_time_conv.h"

namespace invalsim::mem {

MemoryDevice::MemoryDevice(sc_core::sc_module_name name, std::unique_ptr<Backend> backend)
    : sc_module(name), socket("socket"), m_core(std::move(backend)) {
    socket.register_b_transport(this, &MemoryDevice::b_transport);
    socket.register_transport_dbg(this, &MemoryDevice::transport_dbg);
}

void MemoryDevice::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    common::Duration d = common::from_sc(delay);
    m_core.access(trans.get_address(), trans.get_data_ptr(), trans.get_data_length(), trans.is_read(),
                  common::from_sc(sc_core::sc_time_stamp()) + d, d);
    delay = common::to_sc(d);
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

void MemoryDevice::request(coherence::LineRequest& r, common::Duration& delay) {
    m_core.access(r.addr, r.data, r.data != nullptr ? r.bytes : 0, !coherence::is_write(r.type),
                  common::kernel_now() + delay, delay);
    r.ok = true;
}

unsigned int MemoryDevice::transport_dbg(tlm::tlm_generic_payload& trans) {
    std::uint64_t dpa = 0;
    if (!m_core.resolve(trans.get_address(), trans.get_data_length(), dpa)) return 0;
    m_core.debug_access(dpa, trans.get_data_ptr(), trans.get_data_length(), trans.is_read());
    return trans.get_data_length();
}

}  // namespace invalsim::mem
