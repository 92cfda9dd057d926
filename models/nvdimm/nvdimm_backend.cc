#include "models/nvdimm/nvdimm_backend.h"

namespace invalsim::nvdimm {

using common::Duration;

// Bytes of media touched: every access unit the access overlaps.
std::uint64_t NvdimmBackend::units_bytes(std::uint64_t dpa, std::uint32_t bytes) const {
    const std::uint64_t u = m_p.access_unit_bytes;
    const std::uint64_t first = dpa / u;
    const std::uint64_t last = (dpa + (bytes ? bytes - 1 : 0)) / u;
    return (last - first + 1) * u;
}

Duration NvdimmBackend::access(Duration arrival, std::uint64_t dpa, std::uint32_t bytes, bool is_read) {
    const double bw = is_read ? m_p.read_bandwidth_gbps : m_p.write_bandwidth_gbps;
    const Duration xfer = common::transfer_time(units_bytes(dpa, bytes), bw);
    const Duration start = m_media.reserve(arrival, xfer);
    return (start - arrival) + (is_read ? m_p.read_latency : m_p.write_latency) + xfer;
}

Duration NvdimmBackend::idle_read_latency(std::uint32_t bytes) const {
    return m_p.read_latency + common::transfer_time(units_bytes(0, bytes), m_p.read_bandwidth_gbps);
}

}  // namespace invalsim::nvdimm
