#pragma once

#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "models/common/occupancy.h"
#include "models/noc/address_map.h"
#include "models/noc/crossbar_params.h"
#include "models/noc/crossbar_stats.h"

namespace invalsim::noc {

// A crossbar routing by the system address map. Output port i serves the
// ranges whose `target` is i; the address is rebased to the device offset
// on the way out and restored on the way back, as TLM routers do.
class Crossbar : public sc_core::sc_module {
public:
    tlm_utils::multi_passthrough_target_socket<Crossbar> in;
    tlm_utils::multi_passthrough_initiator_socket<Crossbar> out;

    Crossbar(sc_core::sc_module_name name, const CrossbarParams& params, AddressMap map,
             std::vector<std::string> port_names);

    const AddressMap& address_map() const { return m_map; }
    CrossbarStats stats() const;

private:
    void b_transport(int from, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned int transport_dbg(int from, tlm::tlm_generic_payload& trans);

    CrossbarParams m_params;
    AddressMap m_map;
    std::vector<common::Occupancy> m_links;
    CrossbarStats m_stats;
};

}  // namespace invalsim::noc
