#include "models/noc/crossbar.h"

#include "models/common/sc_time_conv.h"

namespace invalsim::noc {

using common::Duration;

Crossbar::Crossbar(sc_core::sc_module_name name, const CrossbarParams& params,
                   std::vector<std::unique_ptr<Router>> routers, std::vector<std::uint32_t> input_router,
                   std::vector<std::string> port_names)
    : sc_module(name),
      in("in"),
      out("out"),
      m_core(params, std::move(routers), std::move(input_router), std::move(port_names)) {
    in.register_b_transport(this, &Crossbar::b_transport);
    in.register_transport_dbg(this, &Crossbar::transport_dbg);
}

void Crossbar::b_transport(int from, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const common::Addr addr = trans.get_address();
    Duration d = common::from_sc(delay);
    const auto hop = m_core.forward(static_cast<std::uint32_t>(from), addr, trans.get_data_length(),
                                    trans.is_read(), common::from_sc(sc_core::sc_time_stamp()) + d, d);
    if (!hop.ok) {
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    delay = common::to_sc(d);
    trans.set_address(hop.addr);
    out[hop.port]->b_transport(trans, delay);
    trans.set_address(addr);
    d = common::from_sc(delay);
    m_core.back(hop, common::from_sc(sc_core::sc_time_stamp()) + d, d);
    delay = common::to_sc(d);
}

unsigned int Crossbar::transport_dbg(int from, tlm::tlm_generic_payload& trans) {
    const common::Addr addr = trans.get_address();
    const auto hop = m_core.route(static_cast<std::uint32_t>(from), addr, trans.get_data_length());
    if (!hop.ok) return 0;
    trans.set_address(hop.addr);
    const unsigned n = out[hop.port]->transport_dbg(trans);
    trans.set_address(addr);
    return n;
}

}  // namespace invalsim::noc
