#pragma once

#include <cstdint>
#include <vector>

#include "models/common/duration.h"
#include "models/common/huge_page_allocator.h"

namespace invalsim::common {

// Contention on a resource that serves one request at a time (a link, a
// DRAM channel, an engine), robust to loosely-timed initiators.
//
// With temporal decoupling, requests do not arrive in time order: a CPU that
// ran ahead reserves the resource in its future before a lagging CPU asks
// for the present. A single "busy until" time would make the lagging CPU
// queue behind work that has not happened yet. Instead, time is cut into
// bins and each bin holds at most its own length of service: a request fills
// the bins from its arrival onwards, after the work already placed in each.
// Bandwidth is enforced exactly per bin; an arrival earlier than work already
// placed in its bin waits behind it (an error below one bin, 16 ns). For
// arrivals in time order it is exactly FIFO queueing.
class Occupancy {
public:
    static constexpr std::uint64_t kBinPs = 16'000;
    static constexpr std::size_t kBins = 4096;  // initial window: 65 us; grows when work spans more

    // Returns the time the request starts being served. The common case, a
    // lightly loaded resource whose arrival bin has room for all of the
    // service, is inline: callers make several reservations per access.
    Duration reserve(Duration arrival, Duration service) {
        const std::uint64_t t = arrival.as_ps();
        const std::uint64_t s = service.as_ps();
        m_busy_ps += s;
        if (s == 0) return arrival;
        const std::uint64_t id = t / kBinPs;
        if (id > m_latest_arrival) m_latest_arrival = id;
        std::uint64_t start = 0;
        if (place_within_bin(id, t, s, start)) return Duration::ps(start);
        return Duration::ps(place_across_bins(t, s));
    }

    Duration busy_total() const { return Duration::ps(m_busy_ps); }
    Duration queued_total() const { return Duration::ps(m_queued_ps); }

private:
    struct Bin {
        std::uint64_t id = ~0ULL;
        std::uint64_t used_ps = 0;  // service placed in the bin
        std::uint64_t tail_ps = 0;  // end of the latest service placed in it
        std::uint64_t skip = 0;     // once the bin has no room: a later bin to try next
    };
    // First bin from `id` on that may have room; a burst of requests at one
    // instant thus costs O(1) each instead of walking the queue it built.
    std::uint64_t first_open(std::uint64_t id);
    // Exactly the first step of place_across_bins when it is also the last.
    bool place_within_bin(std::uint64_t id, std::uint64_t t, std::uint64_t service, std::uint64_t& start) {
        Bin& b = bin(id);
        if (b.skip > id) return false;
        const std::uint64_t bin_end = (id + 1) * kBinPs;
        const std::uint64_t pos = t > b.tail_ps ? t : b.tail_ps;
        if (pos >= bin_end) return false;
        const std::uint64_t room_here = bin_end - pos;
        const std::uint64_t room_left = kBinPs - b.used_ps;
        if ((room_here < room_left ? room_here : room_left) < service) return false;
        b.used_ps += service;
        b.tail_ps = pos + service;
        if (b.tail_ps >= bin_end || b.used_ps >= kBinPs) b.skip = id + 1;
        m_queued_ps += pos - t;
        start = pos;
        return true;
    }
    // Places the service from `t` on over as many bins as it takes; returns
    // its start.
    std::uint64_t place_across_bins(std::uint64_t t, std::uint64_t remaining);
    // The bin of `id`; the ring slot already holds it, or a bin long past
    // that it can be recycled from, in the common cases.
    Bin& bin(std::uint64_t id) {
        if (!m_bins.empty()) {
            Bin& b = m_bins[id & (m_bins.size() - 1)];  // the ring's size is a power of two
            if (b.id == id) return b;
            if (recyclable(b)) {
                b = Bin{id, 0, id * kBinPs, 0};
                return b;
            }
        }
        return claim(id);
    }
    // A slot is recycled only for a bin of a time long past (more than half
    // the ring before the latest arrival); work that spans more than that,
    // such as a burst of posted write-backs, makes the ring grow instead of
    // losing it.
    bool recyclable(const Bin& b) const {
        const std::uint64_t half = m_bins.size() / 2;
        const std::uint64_t floor = m_latest_arrival > half ? m_latest_arrival - half : 0;
        return b.id == ~0ULL || b.id < floor;
    }
    Bin& claim(std::uint64_t id);
    void grow();

    std::vector<Bin, HugePageAllocator<Bin>> m_bins;  // a ring, allocated on first use
    std::uint64_t m_latest_arrival = 0;  // bin of the latest arrival: the present
    std::uint64_t m_busy_ps = 0;
    std::uint64_t m_queued_ps = 0;
};

}  // namespace invalsim::common
