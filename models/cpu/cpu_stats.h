#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/common/histogram.h"
#include "models/common/types.h"

namespace invalsim::cpu {

// A read whose data differed from its `expect`.
struct ExpectFailure {
    common::Duration time;
    common::Addr addr = 0;  // start of the read
    std::uint64_t size = 0;
    common::Addr first_bad_addr = 0;
    std::uint64_t bad_bytes = 0;
    std::uint64_t expected = 0;  // up to 8 bytes at first_bad_addr, little-endian
    std::uint64_t got = 0;
    std::uint32_t compared_bytes = 0;  // how many of those 8 were compared
    std::size_t op_index = 0;
    std::string message;  // for checks that are not about data (return codes)
};

struct CpuStats {
    std::uint64_t ops = 0;
    std::uint64_t loads = 0;  // memory transactions, after splitting at line boundaries
    std::uint64_t stores = 0;
    std::uint64_t fetches = 0;
    std::uint64_t load_bytes = 0;
    std::uint64_t store_bytes = 0;
    std::uint64_t expects_checked = 0;
    std::uint64_t expects_failed = 0;
    common::Histogram load_latency;
    common::Duration stall;  // time spent waiting at barriers and events
    std::uint64_t invalidate_calls = 0;
    common::Duration invalidate_time;  // in cpu_cache_invalidate_memregion and friends
    common::Duration ipi_stall;        // stopped by other CPUs' IPIs (WBINVD)
    common::Duration irq_off;          // interrupts off, from IPIs and own calls
    common::Duration finish_time;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("ops", ops);
        v("loads", loads);
        v("stores", stores);
        v("fetches", fetches);
        v("load_bytes", load_bytes);
        v("store_bytes", store_bytes);
        v("expects_checked", expects_checked);
        v("expects_failed", expects_failed);
        v("load_latency_avg_ns", load_latency.mean_ps() / 1000.0);
        v("load_latency_p50_ns", load_latency.percentile(0.5).as_ns());
        v("load_latency_p99_ns", load_latency.percentile(0.99).as_ns());
        v("load_latency_p999_ns", load_latency.percentile(0.999).as_ns());
        v("load_latency_max_ns", load_latency.max().as_ns());
        v("sync_wait_ns", stall.as_ns());
        v("invalidate_calls", invalidate_calls);
        v("invalidate_ns", invalidate_time.as_ns());
        v("ipi_stall_ns", ipi_stall.as_ns());
        v("irq_off_ns", irq_off.as_ns());
        v("finish_time_ns", finish_time.as_ns());
    }
};

}  // namespace invalsim::cpu
