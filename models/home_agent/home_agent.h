#pragma once

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "models/coherence/tlm_line_port.h"
#include "models/home_agent/home_agent_core.h"

namespace invalsim::home_agent {

// SystemC shell of a home agent: coherent line requests (and plain accesses
// from CPUs without caches) arrive on `target`; memory traffic leaves on
// `memory`. Later, its maintenance registers also live here.
class HomeAgent : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<HomeAgent> target;
    tlm_utils::simple_initiator_socket<HomeAgent> memory;

    HomeAgent(sc_core::sc_module_name name, const HomeAgentParams& params,
              HomeAgentCore::Wiring wiring);

    HomeAgentCore& core() { return m_core; }
    const HomeAgentCore& core() const { return m_core; }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);

    coherence::TlmLinePort m_port;
    HomeAgentCore m_core;
};

}  // namespace invalsim::home_agent
