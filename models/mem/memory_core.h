#pragma once

#include <cstdint>
#include <memory>

#include "models/common/duration.h"
#include "models/common/types.h"
#include "models/mem/backend.h"
#include "models/mem/sparse_store.h"

namespace invalsim::mem {

struct DeviceStats {
    std::uint64_t reads = 0;
    std::uint64_t writes = 0;
    std::uint64_t read_bytes = 0;
    std::uint64_t write_bytes = 0;
    std::uint64_t undecoded = 0;      // accesses no decoder claimed
    std::uint64_t dropped_writes = 0;  // writes a locked device ignored
    common::Duration busy;            // summed over the device's resources
    common::Duration queued;          // time requests waited for a busy resource
    std::uint64_t backing_pages = 0;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("reads", reads);
        v("writes", writes);
        v("read_bytes", read_bytes);
        v("write_bytes", write_bytes);
        v("undecoded", undecoded);
        v("dropped_writes", dropped_writes);
        v("busy_ns", busy.as_ns());
        v("queued_ns", queued.as_ns());
        v("backing_pages", backing_pages);
    }
};

// Sees every write that changes a device's media through the interconnect
// (cache write-backs, uncached stores): the coherence checker's hook.
class WriteObserver {
public:
    virtual ~WriteObserver() = default;
    virtual void on_write(std::uint32_t device, std::uint64_t dpa, const std::uint8_t* data,
                          std::uint32_t len) = 0;
};

// A memory device without its TLM socket: a backend for decode and timing,
// a sparse store for the contents. It is not coherent with any cache: what
// changes here is seen by the caches only once they are maintained.
class MemoryCore {
public:
    explicit MemoryCore(std::unique_ptr<Backend> backend);

    void observe(WriteObserver* observer, std::uint32_t index) {
        m_observer = observer;
        m_index = index;
    }
    Backend& backend() { return *m_backend; }
    const Backend& backend() const { return *m_backend; }
    SparseStore& store() { return m_store; }
    const SparseStore& store() const { return m_store; }
    DeviceStats stats() const;

    // Device address of [addr, addr+len) as the device decodes it; false when
    // nothing answers there (no committed decoder, or past the media's end).
    bool resolve(common::Addr addr, std::uint64_t len, std::uint64_t& dpa) const;
    // An access: `now` is absolute, `delay` grows by the device's time. False
    // when nothing decodes the address (reads then return all ones, as an
    // unclaimed read does on PCIe/CXL).
    bool access(common::Addr addr, std::uint8_t* data, std::uint32_t len, bool is_read,
                common::Duration now, common::Duration& delay);
    // Contents at an incoming address, without time or statistics; false
    // when nothing decodes it.
    bool peek(common::Addr addr, std::uint8_t* out, std::uint64_t len) const;
    // Contents at a decoded address, for debug transport (no time, no checks).
    void debug_access(std::uint64_t dpa, std::uint8_t* data, std::uint32_t len, bool is_read);

private:
    std::unique_ptr<Backend> m_backend;
    SparseStore m_store;
    DeviceStats m_stats;
    WriteObserver* m_observer = nullptr;
    std::uint32_t m_index = 0;
};

}  // namespace invalsim::mem
