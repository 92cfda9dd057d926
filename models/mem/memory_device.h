#pragma once

#include <memory>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "models/cache/line_port.h"
#include "models/mem/backend.h"
#include "models/mem/sparse_store.h"

namespace invalsim::mem {

struct DeviceStats {
    std::uint64_t reads = 0;
    std::uint64_t writes = 0;
    std::uint64_t read_bytes = 0;
    std::uint64_t write_bytes = 0;
    std::uint64_t undecoded = 0;  // accesses no decoder claimed
    common::Duration busy;        // summed over the device's resources
    common::Duration queued;      // time requests waited for a busy resource
    std::uint64_t backing_pages = 0;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("reads", reads);
        v("writes", writes);
        v("read_bytes", read_bytes);
        v("write_bytes", write_bytes);
        v("undecoded", undecoded);
        v("busy_ns", busy.as_ns());
        v("queued_ns", queued.as_ns());
        v("backing_pages", backing_pages);
    }
};

// Sees every write that reaches a device through the interconnect (cache
// write-backs, uncached stores): the coherence checker's hook.
class WriteObserver {
public:
    virtual ~WriteObserver() = default;
    virtual void on_write(std::uint32_t device, std::uint64_t dpa, const std::uint8_t* data,
                          std::uint32_t len) = 0;
};

// A memory device: a backend for decode and timing, a sparse store for the
// contents. It is not coherent with any cache: what changes here is seen by
// the caches only once they are maintained.
class MemoryDevice : public sc_core::sc_module, public cache::LinePort {
public:
    tlm_utils::simple_target_socket<MemoryDevice> socket;

    MemoryDevice(sc_core::sc_module_name name, std::unique_ptr<Backend> backend);

    void observe(WriteObserver* observer, std::uint32_t index) {
        m_observer = observer;
        m_index = index;
    }
    Backend& backend() { return *m_backend; }
    const Backend& backend() const { return *m_backend; }
    SparseStore& store() { return m_store; }
    const SparseStore& store() const { return m_store; }
    DeviceStats stats() const;
    // A home agent's line request as a direct call (the fabric fast path):
    // what b_transport does with the payload TlmLinePort would build.
    void request(coherence::LineRequest& r, common::Duration& delay) override;
    // An access as b_transport does it, for direct calls: `now` is absolute,
    // `delay` grows by the device's time. False when nothing decodes the
    // address (reads then return all ones).
    bool access(common::Addr addr, std::uint8_t* data, std::uint32_t len, bool is_read,
                common::Duration now, common::Duration& delay);
    // Contents at an incoming address, without time or statistics; false
    // when nothing decodes it.
    bool peek(common::Addr addr, std::uint8_t* out, std::uint64_t len) const;

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned int transport_dbg(tlm::tlm_generic_payload& trans);
    bool decode(const tlm::tlm_generic_payload& trans, std::uint64_t& dpa) const;

    std::unique_ptr<Backend> m_backend;
    SparseStore m_store;
    DeviceStats m_stats;
    WriteObserver* m_observer = nullptr;
    std::uint32_t m_index = 0;
};

}  // namespace invalsim::mem
