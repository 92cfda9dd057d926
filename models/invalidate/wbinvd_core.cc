#include "models/invalidate/wbinvd_core.h"

namespace invalsim::invalidate {

using cache::MaintenanceOp;
using common::Duration;

Duration walk_then_drain(const std::vector<cache::CacheCore*>& caches, Duration from, Duration per_line,
                         const cache::Interest& interest, cache::MaintenanceResult& totals) {
    std::uint64_t lines = 0;
    for (const cache::CacheCore* c : caches) lines += c->entries();
    const Duration posted = from + per_line * lines;
    Duration done = posted;
    // Upper levels first: their dirty lines move down before the lower
    // level is flushed.
    for (cache::CacheCore* c : caches) {
        const cache::MaintenanceResult r = c->maintain_all(MaintenanceOp::CleanInvalidate, posted, interest);
        totals += r;
        done = common::max(done, r.done);
    }
    return done;
}

WbinvdTimeline run_wbinvd(Machine& machine, Duration ipi_latency, Duration per_line,
                          const cache::Interest& interest) {
    WbinvdTimeline t;
    t.land = ipi_latency;
    t.shared_start = t.land;
    for (const auto& caches : machine.cpu_caches) {
        const Duration done = walk_then_drain(caches, t.land, per_line, interest, t.totals);
        t.private_part.push_back(done - t.land);
        t.shared_start = common::max(t.shared_start, done);
    }
    t.end = t.shared_start;
    for (home_agent::HomeAgentCore* a : machine.agents) {
        if (a->slc() == nullptr) continue;
        const Duration done = walk_then_drain({a->slc()}, t.shared_start, per_line, interest, t.totals);
        t.end = common::max(t.end, done);
    }
    return t;
}

}  // namespace invalsim::invalidate
