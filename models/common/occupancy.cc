#include "models/common/occupancy.h"

#include <algorithm>

namespace invalsim::common {

// The ring's first use, or a slot still holding a bin too recent to recycle.
Occupancy::Bin& Occupancy::claim(std::uint64_t id) {
    if (m_bins.empty()) m_bins.resize(kBins);
    while (true) {
        Bin& b = m_bins[id & (m_bins.size() - 1)];
        if (b.id == id) return b;
        if (recyclable(b)) {
            b = Bin{id, 0, id * kBinPs, 0};
            return b;
        }
        grow();
    }
}

void Occupancy::grow() {
    std::vector<Bin, HugePageAllocator<Bin>> old = std::move(m_bins);
    m_bins.assign(old.size() * 2, Bin{});
    for (const Bin& b : old) {
        if (b.id != ~0ULL) m_bins[b.id & (m_bins.size() - 1)] = b;
    }
}

std::uint64_t Occupancy::first_open(std::uint64_t id) {
    std::uint64_t cur = id;
    for (std::uint64_t next = bin(cur).skip; next > cur; next = bin(cur).skip) cur = next;
    // Path compression: every full bin passed now points at the open one.
    for (std::uint64_t x = id; x != cur;) {
        Bin& b = bin(x);
        const std::uint64_t next = b.skip;
        b.skip = cur;
        x = next;
    }
    return cur;
}

// In each bin after the work already there (its tail), and never more than
// the bin's length in total.
std::uint64_t Occupancy::place_across_bins(std::uint64_t t, std::uint64_t remaining) {
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
    return start;
}

}  // namespace invalsim::common
