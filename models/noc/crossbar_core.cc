#include "models/noc/crossbar_core.h"

namespace invalsim::noc {

using common::Duration;

CrossbarCore::CrossbarCore(const CrossbarParams& params, std::vector<std::unique_ptr<Router>> routers,
                           std::vector<std::uint32_t> input_router, std::vector<std::string> port_names)
    : m_params(params),
      m_routers(std::move(routers)),
      m_input_router(std::move(input_router)),
      m_links(port_names.size()) {
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

CrossbarCore::Hop CrossbarCore::forward(std::uint32_t input, common::Addr addr, std::uint32_t len,
                                        Duration now, Duration& delay) {
    ++m_stats.requests;
    const Hop h = route(input, addr, len);
    if (!h.ok) {
        ++m_stats.decode_errors;
        return h;
    }
    PortStats& port = m_stats.ports[h.port];
    ++port.requests;
    port.bytes += len;
    const Duration arrival = now + m_params.hop_latency;
    const Duration transfer = common::transfer_time(len, m_params.link_bandwidth_gbps);
    const Duration start = m_links[h.port].reserve(arrival, transfer);
    delay += m_params.hop_latency + (start - arrival) + transfer;
    return h;
}

CrossbarStats CrossbarCore::stats() const {
    CrossbarStats s = m_stats;
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        s.ports[i].busy = m_links[i].busy_total();
        s.ports[i].queued = m_links[i].queued_total();
    }
    return s;
}

}  // namespace invalsim::noc
