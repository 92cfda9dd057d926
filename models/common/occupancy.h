#pragma once

#include "models/common/duration.h"

namespace invalsim::common {

// A resource that serves one request at a time (a link, a DRAM channel, an
// engine). Loosely-timed initiators run ahead of each other, so arrivals are
// not ordered; the resource simply queues each arrival behind the work it has
// already accepted. That is the usual LT approximation of contention: it is
// exact for one initiator and conservative for several.
class Occupancy {
public:
    // Returns the time the request starts being served.
    Duration reserve(Duration arrival, Duration service) {
        const Duration start = max(arrival, m_busy_until);
        m_busy_until = start + service;
        m_busy_total += service;
        if (start > arrival) m_queued_total += start - arrival;
        return start;
    }
    Duration busy_until() const { return m_busy_until; }
    Duration busy_total() const { return m_busy_total; }
    Duration queued_total() const { return m_queued_total; }

private:
    Duration m_busy_until;
    Duration m_busy_total;
    Duration m_queued_total;
};

}  // namespace invalsim::common
