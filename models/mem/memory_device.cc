#include "models/mem/memory_device.h"

#include <cstring>

#include "models/common/sc_time_conv.h"

namespace invalsim::mem {

using common::Duration;

MemoryDevice::MemoryDevice(sc_core::sc_module_name name, std::unique_ptr<Backend> backend)
    : sc_module(name),
      socket("socket"),
      m_backend(std::move(backend)),
      m_store(m_backend->capacity_bytes(), m_backend->fill_byte()) {
    socket.register_b_transport(this, &MemoryDevice::b_transport);
    socket.register_transport_dbg(this, &MemoryDevice::transport_dbg);
}

bool MemoryDevice::decode(const tlm::tlm_generic_payload& trans, std::uint64_t& dpa) const {
    if (!m_backend->translate(trans.get_address(), dpa)) return false;
    return trans.get_data_length() <= m_backend->capacity_bytes() - dpa;
}

void MemoryDevice::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    Duration d = common::from_sc(delay);
    access(trans.get_address(), trans.get_data_ptr(), trans.get_data_length(), trans.is_read(),
           common::from_sc(sc_core::sc_time_stamp()) + d, d);
    delay = common::to_sc(d);
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

void MemoryDevice::request(coherence::LineRequest& r, Duration& delay) {
    access(r.addr, r.data, r.data != nullptr ? r.bytes : 0, !coherence::is_write(r.type), common::kernel_now() + delay,
           delay);
    r.ok = true;
}

bool MemoryDevice::access(common::Addr addr, std::uint8_t* data, std::uint32_t len, bool is_read,
                          Duration now, Duration& delay) {
    std::uint64_t dpa = 0;
    if (!m_backend->translate(addr, dpa) || len > m_backend->capacity_bytes() - dpa) {
        // Nothing answers: the access completes with all-ones data, as a
        // read of an unclaimed address does on PCIe/CXL.
        ++m_stats.undecoded;
        if (is_read) std::memset(data, 0xff, len);
        return false;
    }
    delay += m_backend->access(now, dpa, len, is_read);
    const bool locked = m_backend->locked();
    if (is_read) {
        if (locked) {
            std::memset(data, m_backend->locked_fill_byte(), len);
        } else {
            m_store.read(dpa, data, len);
        }
        ++m_stats.reads;
        m_stats.read_bytes += len;
    } else {
        if (m_observer) m_observer->on_write(m_index, dpa, data, len);
        if (!locked) m_store.write(dpa, data, len);
        ++m_stats.writes;
        m_stats.write_bytes += len;
    }
    return true;
}

unsigned int MemoryDevice::transport_dbg(tlm::tlm_generic_payload& trans) {
    std::uint64_t dpa = 0;
    if (!decode(trans, dpa)) return 0;
    if (trans.is_read()) {
        m_store.read(dpa, trans.get_data_ptr(), trans.get_data_length());
    } else {
        m_store.write(dpa, trans.get_data_ptr(), trans.get_data_length());
    }
    return trans.get_data_length();
}

bool MemoryDevice::peek(common::Addr addr, std::uint8_t* out, std::uint64_t len) const {
    std::uint64_t dpa = 0;
    if (!m_backend->translate(addr, dpa) || len > m_backend->capacity_bytes() - dpa) return false;
    if (m_backend->locked()) {
        std::memset(out, m_backend->locked_fill_byte(), len);
    } else {
        m_store.read(dpa, out, len);
    }
    return true;
}

DeviceStats MemoryDevice::stats() const {
    DeviceStats s = m_stats;
    s.busy = m_backend->busy();
    s.queued = m_backend->queued();
    s.backing_pages = m_store.pages_allocated();
    return s;
}

}  // namespace invalsim::mem
