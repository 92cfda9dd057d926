#pragma once

#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "models/common/occupancy.h"
#include "models/noc/crossbar_params.h"
#include "models/noc/crossbar_stats.h"
#include "models/noc/router.h"

namespace invalsim::noc {

// A crossbar. Each input (in binding order) belongs to a routing group whose
// Router picks the output; every output port is a link with its own
// occupancy, so traffic to one target queues while others flow.
class Crossbar : public sc_core::sc_module {
public:
    tlm_utils::multi_passthrough_target_socket<Crossbar> in;
    tlm_utils::multi_passthrough_initiator_socket<Crossbar> out;

    Crossbar(sc_core::sc_module_name name, const CrossbarParams& params,
             std::vector<std::unique_ptr<Router>> routers, std::vector<std::uint32_t> input_router,
             std::vector<std::string> port_names);

    CrossbarStats stats() const;
    const CrossbarParams& params() const { return m_params; }

private:
    void b_transport(int from, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned int transport_dbg(int from, tlm::tlm_generic_payload& trans);
    const Router& router_for(int from) const { return *m_routers[m_input_router.at(from)]; }

    CrossbarParams m_params;
    std::vector<std::unique_ptr<Router>> m_routers;
    std::vector<std::uint32_t> m_input_router;
    std::vector<common::Occupancy> m_links;
    CrossbarStats m_stats;
};

}  // namespace invalsim::noc
