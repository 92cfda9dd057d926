#include "models/cxl/cxl_backend.h"

namespace invalsim::cxl {

using common::Duration;

CxlBackend::CxlBackend(const CxlParams& p)
    : m_p(p), m_media(p.media_channels, 256, p.media_channel_bandwidth_gbps) {}

bool CxlBackend::translate(common::Addr hpa, std::uint64_t& dpa) const {
    for (const HdmDecoder& d : m_decoders) {
        if (d.committed && d.owns(hpa)) {
            dpa = d.to_dpa(hpa);
            return true;
        }
    }
    return false;
}

// One way: root port and link latency, then the flits' serialisation on
// that direction's link, queued behind earlier traffic.
Duration CxlBackend::access(Duration arrival, std::uint64_t dpa, std::uint32_t bytes, bool is_read) {
    const double bw = m_p.link_bandwidth_gbps();
    const Duration hop = m_p.root_port_latency + m_p.link_latency;
    Duration t = arrival + hop;
    const Duration down_xfer = common::transfer_time(is_read ? 0 : bytes, bw);
    t = m_down.reserve(t, down_xfer) + down_xfer + m_p.controller_latency;
    t += m_media.access(t, dpa, bytes, is_read ? m_p.media_read_latency : m_p.media_write_latency);
    t += m_p.controller_latency + hop;
    const Duration up_xfer = common::transfer_time(is_read ? bytes : 0, bw);
    t = m_up.reserve(t, up_xfer) + up_xfer;
    return t - arrival;
}

Duration CxlBackend::idle_read_latency(std::uint32_t bytes) const {
    const Duration hop = m_p.root_port_latency + m_p.link_latency + m_p.controller_latency;
    return hop * 2 + m_p.media_read_latency +
           common::transfer_time(bytes, m_p.media_channel_bandwidth_gbps) +
           common::transfer_time(bytes, m_p.link_bandwidth_gbps());
}

Duration CxlBackend::busy() const { return m_down.busy_total() + m_up.busy_total() + m_media.busy_total(); }

Duration CxlBackend::queued() const {
    return m_down.queued_total() + m_up.queued_total() + m_media.queued_total();
}

}  // namespace invalsim::cxl
