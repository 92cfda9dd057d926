#include "models/common/occupancy.h"

#include <algorithm>

namespace invalsim::common {

// A slot is recycled only for a bin of a time long past (more than half the
// ring before the latest arrival); work that spans more than that, such as a
// burst of posted write-backs, makes the ring grow instead of losing it.
Occupancy::Bin& Occupancy::claim(std::uint64_t id) {
    if (m_bins.empty()) m_bins.resize(kBins);
    while (true) {
        Bin& b = m_bins[id & (m_bins.size() - 1)];  // the ring's size is a power of two
        if (b.id == id) return b;
        const std::uint64_t half = m_bins.size() / 2;
        const std::uint64_t floor = m_latest_arrival > half ? m_latest_arrival - half : 0;
        if (b.id == ~0ULL || b.id < floor) {
            b = Bin{id, 0, id * kBinPs, 0};
            return b;
        }
        grow();
    }
}

void Occupancy::grow() {
    std::vector<Bin> old = std::move(m_bins);
    m_bins.assign(old.size() * 2, Bin{});
    for (const Bin& b : old) {
        if (b.id != ~0ULL) m_bins[b.id & (m_bins.size() - 1)] = b;
    }
}

std::uint64_t Occupancy::first_open(std::uint64_t id) {
    std::uint64_t cur = id;
    while (bin(cur).skip > cur) cur = bin(cur).skip;
    // Path compression: every full bin passed now points at the open one.
    for (std::uint64_t x = id; x != cur;) {
        Bin& b = bin(x);
        const std::uint64_t next = b.skip;
        b.skip = cur;
        x = next;
    }
    return cur;
}

// The common case of a lightly loaded resource: the arrival's bin is open
// and has room for all of the service. Exactly what the general loop below
// does in its first step, without its bookkeeping.
bool Occupancy::place_within_bin(std::uint64_t t, std::uint64_t service, std::uint64_t& start) {
    const std::uint64_t id = t / kBinPs;
    Bin& b = bin(id);
    if (b.skip > id) return false;
    const std::uint64_t bin_end = (id + 1) * kBinPs;
    const std::uint64_t pos = std::max(t, b.tail_ps);
    if (pos >= bin_end || std::min(bin_end - pos, kBinPs - b.used_ps) < service) return false;
    b.used_ps += service;
    b.tail_ps = pos + service;
    if (b.tail_ps >= bin_end || b.used_ps >= kBinPs) b.skip = id + 1;
    m_queued_ps += pos - t;
    start = pos;
    return true;
}

// Places the service from `arrival` on: in each bin after the work already
// there (its tail), and never more than the bin's length in total.
Duration Occupancy::reserve(Duration arrival, Duration service) {
    const std::uint64_t t = arrival.as_ps();
    std::uint64_t remaining = service.as_ps();
    m_busy_ps += remaining;
    if (remaining == 0) return arrival;
    m_latest_arrival = std::max(m_latest_arrival, t / kBinPs);
    std::uint64_t start_ps = 0;
    if (place_within_bin(t, remaining, start_ps)) return Duration::ps(start_ps);
    std::uint64_t cur = t;
    std::uint64_t start = t;
    bool started = false;
    while (remaining > 0) {
        const std::uint64_t first = cur / kBinPs;
        const std::uint64_t id = first_open(first);
        if (id != first) cur = id * kBinPs;
        const std::uint64_t bin_end = (id + 1) * kBinPs;
        Bin& b = bin(id);
        const std::uint64_t pos = std::max(cur, b.tail_ps);
        const std::uint64_t room = pos >= bin_end ? 0 : std::min(bin_end - pos, kBinPs - b.used_ps);
        if (room == 0) {
            b.skip = id + 1;  // nothing placed here again: later requests jump past
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
        if (b.tail_ps >= bin_end || b.used_ps >= kBinPs) b.skip = id + 1;
        remaining -= take;
        cur = pos + take;
    }
    m_queued_ps += start - t;
    return Duration::ps(start);
}

}  // namespace invalsim::common
