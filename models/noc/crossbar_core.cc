#include "models/noc/crossbar_core.h"

namespace invalsim::noc {

using common::Duration;

CrossbarCore::CrossbarCore(const CrossbarParams& params, std::vector<std::unique_ptr<Router>> routers,
                           std::vector<std::uint32_t> input_router, std::vector<std::string> port_names)
    : m_params(params),
      m_link(params.link_bandwidth_gbps, params.header_bytes),
      m_routers(std::move(routers)),
      m_input_router(std::move(input_router)),
      m_ports(port_names.size()) {
    for (auto& n : port_names) {
        m_stats.ports.push_back(PortStats{});
        m_stats.ports.back().name = std::move(n);
    }
}

CrossbarCore::Hop CrossbarCore::route(std::uint32_t input, common::Addr addr, std::uint32_t len) const {
    Route r;
    Hop h;
    h.ok = m_routers[m_input_router.at(input)]->route(addr, len, r);
    h.port = r.port;
    h.addr = r.addr;
    return h;
}

// One message on one link: queued behind earlier messages, then serialised.
// Returns when its last byte has crossed.
Duration CrossbarCore::leg(common::Occupancy& link, Duration arrival, std::uint32_t data_bytes) {
    const Duration transfer = m_link.transfer(data_bytes);
    return link.reserve(arrival, transfer) + transfer;
}

CrossbarCore::Hop CrossbarCore::forward(std::uint32_t input, common::Addr addr, std::uint32_t len,
                                        bool is_read, Duration now, Duration& delay) {
    ++m_stats.requests;
    Hop h = route(input, addr, len);
    if (!h.ok) {
        ++m_stats.decode_errors;
        return h;
    }
    PortStats& port = m_stats.ports[h.port];
    ++port.requests;
    (is_read ? port.read_bytes : port.write_bytes) += len;
    h.response_bytes = is_read ? len : 0;
    const Duration done = leg(m_ports[h.port].request, now + m_params.hop_latency, is_read ? 0 : len);
    delay += done - now;
    return h;
}

void CrossbarCore::back(const Hop& hop, Duration now, Duration& delay) {
    const Duration done = leg(m_ports[hop.port].response, now, hop.response_bytes) + m_params.hop_latency;
    delay += done - now;
}

CrossbarStats CrossbarCore::stats() const {
    CrossbarStats s = m_stats;
    for (std::size_t i = 0; i < m_ports.size(); ++i) {
        s.ports[i].busy = m_ports[i].request.busy_total();
        s.ports[i].queued = m_ports[i].request.queued_total();
        s.ports[i].response_busy = m_ports[i].response.busy_total();
        s.ports[i].response_queued = m_ports[i].response.queued_total();
    }
    return s;
}

}  // namespace invalsim::noc
