#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::home_agent {

enum class EngineMode { Range, Walk, Auto };

// The home agent's maintenance engine. No public figure gives its speed, so
// every cost is a parameter (docs/invalidate.md shows the formulas).
struct EngineParams {
    EngineMode mode = EngineMode::Auto;
    std::uint32_t granule_bytes = 128;
    // `range`: look up every granule of the range.
    common::Duration per_granule = common::Duration::ps(500);
    // `walk`: visit every set of the slice and of the snoop filter.
    common::Duration per_set = common::Duration::ns(2);
    std::uint32_t parallelism = 4;  // lookups (and snoops) per step
    common::Duration start_latency = common::Duration::ns(200);
    // Write-backs to memory the engine keeps outstanding; a dirty line
    // found with all of them in flight waits, and so does the search, until
    // the oldest lands. This is the overlap between search and write-backs.
    std::uint32_t writebacks_in_flight = 16;

    common::Violations validate() const;
};

struct EngineTiming {
    common::Duration search;  // the lookup part, by the chosen mode
    common::Duration range;   // what `range` would take
    common::Duration walk;    // what `walk` would take
    bool walked = false;
};

// Search time for a range of `granules` on an agent whose slice and snoop
// filter have `sets` sets together:
//   range = ceil(granules / parallelism) x per_granule
//   walk  = ceil(sets / parallelism) x per_set
//   auto  = the smaller
// (saturating at Duration::max() for ranges no engine could search).
EngineTiming engine_search_time(const EngineParams& p, std::uint64_t granules, std::uint64_t sets);

// Time for the search to pass `items` lookups (granules or sets) at `per`
// each, `parallelism` per step.
common::Duration search_steps(const EngineParams& p, std::uint64_t items, common::Duration per);

}  // namespace invalsim::home_agent
