#include "models/common/occupancy.h"

#include <algorithm>

namespace invalsim::common {

Occupancy::Bin& Occupancy::bin(std::uint64_t id) {
    if (m_bins.empty()) m_bins.resize(kBins);
    Bin& b = m_bins[id % kBins];
    if (b.id != id) b = Bin{id, 0, id * kBinPs};  // a bin of a time long past is recycled
    return b;
}

// Places the service from `arrival` on: in each bin after the work already
// there (its tail), and never more than the bin's length in total.
Duration Occupancy::reserve(Duration arrival, Duration service) {
    const std::uint64_t t = arrival.as_ps();
    std::uint64_t remaining = service.as_ps();
    m_busy_ps += remaining;
    if (remaining == 0) return arrival;
    std::uint64_t cur = t;
    std::uint64_t start = t;
    bool started = false;
    while (remaining > 0) {
        const std::uint64_t id = cur / kBinPs;
        const std::uint64_t bin_end = (id + 1) * kBinPs;
        Bin& b = bin(id);
        const std::uint64_t pos = std::max(cur, b.tail_ps);
        const std::uint64_t room = pos >= bin_end ? 0 : std::min(bin_end - pos, kBinPs - b.used_ps);
        if (room == 0) {
            cur = bin_end;
            continue;
        }
        if (!started) {
            start = pos;
            started = true;
        }
        const std::uint64_t take = std::min(room, remaining);
        b.used_ps += take;
        b.tail_ps = pos + take;
        remaining -= take;
        cur = pos + take;
    }
    m_queued_ps += start - t;
    return Duration::ps(start);
}

}  // namespace invalsim::common
