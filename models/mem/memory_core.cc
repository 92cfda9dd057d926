#include "models/mem/memory_core.h"

#include <cstring>

namespace invalsim::mem {

using common::Duration;

MemoryCore::MemoryCore(std::unique_ptr<Backend> backend)
    : m_backend(std::move(backend)), m_store(m_backend->capacity_bytes(), m_backend->fill_byte()) {}

bool MemoryCore::resolve(common::Addr addr, std::uint64_t len, std::uint64_t& dpa) const {
    return m_backend->translate(addr, dpa) && dpa <= m_backend->capacity_bytes() &&
           len <= m_backend->capacity_bytes() - dpa;
}

bool MemoryCore::access(common::Addr addr, std::uint8_t* data, std::uint32_t len, bool is_read, Duration now,
                        Duration& delay) {
    std::uint64_t dpa = 0;
    if (!resolve(addr, len, dpa)) {
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
        return true;
    }
    ++m_stats.writes;
    m_stats.write_bytes += len;
    // A locked device drops the write: the media does not change, so there
    // is nothing for the checker to judge.
    if (locked) {
        ++m_stats.dropped_writes;
        return true;
    }
    if (m_observer) m_observer->on_write(m_index, dpa, data, len);
    m_store.write(dpa, data, len);
    return true;
}

bool MemoryCore::peek(common::Addr addr, std::uint8_t* out, std::uint64_t len) const {
    std::uint64_t dpa = 0;
    if (!resolve(addr, len, dpa)) return false;
    if (m_backend->locked()) {
        std::memset(out, m_backend->locked_fill_byte(), len);
    } else {
        m_store.read(dpa, out, len);
    }
    return true;
}

void MemoryCore::debug_access(std::uint64_t dpa, std::uint8_t* data, std::uint32_t len, bool is_read) {
    if (is_read) {
        m_store.read(dpa, data, len);
    } else {
        m_store.write(dpa, data, len);
    }
}

DeviceStats MemoryCore::stats() const {
    DeviceStats s = m_stats;
    s.busy = m_backend->busy();
    s.queued = m_backend->queued();
    s.backing_pages = m_store.pages_allocated();
    return s;
}

}  // namespace invalsim::mem
