#pragma once

#include <memory>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "models/cache/line_port.h"
#include "models/mem/memory_core.h"

namespace invalsim::mem {

// The SystemC shell of a memory device: its target socket hands payloads to
// the MemoryCore and adds the core's time to the annotated delay.
class MemoryDevice : public sc_core::sc_module, public cache::LinePort {
public:
    tlm_utils::simple_target_socket<MemoryDevice> socket;

    MemoryDevice(sc_core::sc_module_name name, std::unique_ptr<Backend> backend);

    MemoryCore& core() { return m_core; }
    const MemoryCore& core() const { return m_core; }
    // A home agent's line request as a direct call (the fabric fast path):
    // what b_transport does with the payload TlmLinePort would build.
    void request(coherence::LineRequest& r, common::Duration& delay) override;

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned int transport_dbg(tlm::tlm_generic_payload& trans);

    MemoryCore m_core;
};

}  // namespace invalsim::mem
