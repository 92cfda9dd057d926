#include "models/noc/crossbar.h"

#include "models/common/sc_time_conv.h"

namespace invalsim::noc {

using common::Duration;

Crossbar::Crossbar(sc_core::sc_module_name name, const CrossbarParams& params,
                   std::vector<std::unique_ptr<Router>> routers,
                   std::vector<std::uint32_t> input_router, std::vector<std::string> port_names)
    : sc_module(name),
      in("in"),
      out("out"),
      m_params(params),
      m_routers(std::move(routers)),
      m_input_router(std::move(input_router)),
      m_links(port_names.size()) {
    in.register_b_transport(this, &Crossbar::b_transport);
    in.register_transport_dbg(this, &Crossbar::transport_dbg);
    for (auto& n : port_names) {
        m_stats.ports.push_back(PortStats{});
        m_stats.ports.back().name = std::move(n);
    }
}

void Crossbar::b_transport(int from, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    ++m_stats.requests;
    const common::Addr addr = trans.get_address();
    Route route;
    if (!router_for(from).route(addr, trans.get_data_length(), route)) {
        ++m_stats.decode_errors;
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    PortStats& port = m_stats.ports[route.port];
    ++port.requests;
    port.bytes += trans.get_data_length();

    const Duration hop = m_params.hop_latency;
    const Duration arrival = common::from_sc(sc_core::sc_time_stamp() + delay) + hop;
    const Duration transfer =
        common::transfer_time(trans.get_data_length(), m_params.link_bandwidth_gbps);
    const Duration start = m_links[route.port].reserve(arrival, transfer);
    delay += common::to_sc(hop + (start - arrival) + transfer);

    trans.set_address(route.addr);
    out[route.port]->b_transport(trans, delay);
    trans.set_address(addr);
    delay += common::to_sc(hop);
}

unsigned int Crossbar::transport_dbg(int from, tlm::tlm_generic_payload& trans) {
    const common::Addr addr = trans.get_address();
    Route route;
    if (!router_for(from).route(addr, trans.get_data_length(), route)) return 0;
    trans.set_address(route.addr);
    const unsigned n = out[route.port]->transport_dbg(trans);
    trans.set_address(addr);
    return n;
}

CrossbarStats Crossbar::stats() const {
    CrossbarStats s = m_stats;
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        s.ports[i].busy = m_links[i].busy_total();
        s.ports[i].queued = m_links[i].queued_total();
    }
    return s;
}

}  // namespace invalsim::noc
