#pragma once

#include <cstdint>
#include <vector>

#include "models/common/duration.h"

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

    // Returns the time the request starts being served.
    Duration reserve(Duration arrival, Duration service);

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
    bool place_within_bin(std::uint64_t t, std::uint64_t service, std::uint64_t& start);
    // The bin of `id`; the ring slot already holds it in the common case.
    Bin& bin(std::uint64_t id) {
        if (!m_bins.empty()) {
            Bin& b = m_bins[id & (m_bins.size() - 1)];  // the ring's size is a power of two
            if (b.id == id) return b;
        }
        return claim(id);
    }
    Bin& claim(std::uint64_t id);
    void grow();

    std::vector<Bin> m_bins;  // a ring, allocated on first use
    std::uint64_t m_latest_arrival = 0;  // bin of the latest arrival: the present
    std::uint64_t m_busy_ps = 0;
    std::uint64_t m_queued_ps = 0;
};

}  // namespace invalsim::common
