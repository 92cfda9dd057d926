#pragma once

#include <cstdint>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "models/cache/cache_core.h"
#include "models/coherence/tlm_line_port.h"

namespace invalsim::cache {

// SystemC shell of a private cache level. Plain reads and writes from the
// CPU, and line requests from an upper level, arrive on `target`; fills,
// write-backs and coherence requests leave on `down`.
class Cache : public sc_core::sc_module {
public:
    tlm_utils::multi_passthrough_target_socket<Cache> target;
    tlm_utils::simple_initiator_socket<Cache> down;

    Cache(sc_core::sc_module_name name, const CacheParams& params, common::Duration hit_latency,
          std::uint64_t replacement_seed, Placement placement);

    CacheCore& core() { return m_core; }
    const CacheCore& core() const { return m_core; }

private:
    void b_transport(int from, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);

    coherence::TlmLinePort m_port;
    CacheCore m_core;
};

}  // namespace invalsim::cache
