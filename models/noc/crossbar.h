#pragma once

#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "models/noc/crossbar_core.h"

namespace invalsim::noc {

// TLM shell of the crossbar: inputs and outputs in binding order, the
// address rebased on the way out and restored on the way back.
class Crossbar : public sc_core::sc_module {
public:
    tlm_utils::multi_passthrough_target_socket<Crossbar> in;
    tlm_utils::multi_passthrough_initiator_socket<Crossbar> out;

    Crossbar(sc_core::sc_module_name name, const CrossbarParams& params,
             std::vector<std::unique_ptr<Router>> routers, std::vector<std::uint32_t> input_router,
             std::vector<std::string> port_names);

    CrossbarCore& core() { return m_core; }
    CrossbarStats stats() const { return m_core.stats(); }

private:
    void b_transport(int from, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned int transport_dbg(int from, tlm::tlm_generic_payload& trans);

    CrossbarCore m_core;
};

}  // namespace invalsim::noc
