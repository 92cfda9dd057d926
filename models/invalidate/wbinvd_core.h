#pragma once

#include <vector>

#include "models/cache/cache_core.h"
#include "models/common/duration.h"
#include "models/invalidate/machine.h"

namespace invalsim::invalidate {

// When each part of wbinvd_on_all_cpus() ends, as delays from the call.
struct WbinvdTimeline {
    common::Duration land;                   // the IPIs reach every CPU
    std::vector<common::Duration> private_part;  // per CPU: its own caches, walk + drain
    common::Duration shared_start;           // every private part done
    common::Duration end;                    // the shared caches done: every CPU's WBINVD retires
    cache::MaintenanceResult totals;
};

// x86 WBINVD on every CPU, acting on the caches. Each CPU walks its private
// caches (lines x per_line) and then waits for the write-backs it found to
// land (the drain; walk and drain do not overlap, so dirty data always adds
// time). WBINVD also writes back and invalidates the shared caches, which
// happens once every CPU's private data has reached them: every slice is
// walked and drained the same way, in parallel. No CPU's WBINVD retires
// before the shared caches are done, so every CPU is stopped, interrupts
// off, from `land` to `end`.
WbinvdTimeline run_wbinvd(Machine& machine, common::Duration ipi_latency, common::Duration per_line,
                          const cache::Interest& interest);

// A flush of `caches`: walk all their lines, then drain the write-backs
// posted at the end of the walk. Returns when the last one landed.
common::Duration walk_then_drain(const std::vector<cache::CacheCore*>& caches, common::Duration from,
                                 common::Duration per_line, const cache::Interest& interest,
                                 cache::MaintenanceResult& totals);

}  // namespace invalsim::invalidate
