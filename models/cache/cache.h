#pragma once

#include <cstdint>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "models/cache/cache_core.h"

namespace invalsim::cache {

// SystemC shell of a private cache level: accesses from above arrive on
// `target`, fills and write-backs leave on `down`.
class Cache : public sc_core::sc_module, private LinePort {
public:
    tlm_utils::simple_target_socket<Cache> target;
    tlm_utils::simple_initiator_socket<Cache> down;

    Cache(sc_core::sc_module_name name, const CacheParams& params, common::Duration hit_latency,
          std::uint64_t replacement_seed);

    CacheCore& core() { return m_core; }
    const CacheCore& core() const { return m_core; }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void read_line(common::Addr addr, std::uint8_t* data, std::uint32_t bytes,
                   common::Duration& delay) override;
    void write_line(common::Addr addr, const std::uint8_t* data, std::uint32_t bytes,
                    common::Duration& delay) override;
    void send_down(tlm::tlm_command cmd, common::Addr addr, std::uint8_t* data,
                   std::uint32_t bytes, common::Duration& delay);

    CacheCore m_core;
    tlm::tlm_generic_payload m_down_trans;
};

}  // namespace invalsim::cache
