#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

struct LatencySummary {
    std::uint64_t loads = 0;
    common::Duration p50, p99, p999, max;
};

// One call of the port, as stats.json reports it.
struct CallRecord {
    std::uint32_t cpu = 0;
    std::string where;
    bool all = false;
    MemRange requested;
    int rc = kOk;
    common::Duration start;
    common::Duration end;
    common::Duration lock_wait;  // waiting for the lock before any instance ran
    std::vector<TimeWindow> irq_off;  // calling CPU, interrupts off
    std::vector<InstanceReport> instances;
    LatencySummary corun_during;
    LatencySummary corun_after;

    common::Duration latency() const { return end - start; }
    common::Duration irq_off_time() const { return total_length(irq_off); }
};

}  // namespace invalsim::invalidate
