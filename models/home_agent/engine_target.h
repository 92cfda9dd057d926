#pragma once

#include <cstdint>
#include <vector>

#include "models/cache/cache_core.h"
#include "models/common/duration.h"
#include "models/common/huge_page_allocator.h"
#include "models/common/types.h"

namespace invalsim::home_agent {

// What maintaining one unit did. Times are annotated delays, on the same
// base as the ones passed in.
struct UnitWork {
    std::uint64_t written_back = 0;  // private copies and slice lines
    std::uint64_t invalidated = 0;
    std::uint64_t collateral = 0;  // invalidated lines not wholly inside the caller's range
    // How long the unit kept a lookup lane before its data could leave for
    // memory: snooping private copies and merging their dirty data into the
    // slice. Zero for a unit only in the slice.
    common::Duration busy;
    bool to_memory = false;        // dirty data left for the memory device
    common::Duration posted;       // when it left (visit + busy, or later for a free slot)
    common::Duration landed;       // when the last of it reached the device
};

// Units listed for one operation: hundreds of thousands after a big warm-up.
using UnitList = std::vector<common::Addr, common::HugePageAllocator<common::Addr>>;

// What the engine maintains: the home agent's snoop-filtered private copies
// and its system-level cache slice, one unit at a time. A unit is a slice
// line (a coherence granule without a slice): its private copies must reach
// the slice before the slice line itself is written back.
class EngineTarget {
public:
    virtual ~EngineTarget() = default;
    virtual std::uint32_t unit_bytes() const = 0;
    // Appends the units overlapping [start, end) that hold a copy homed here
    // (any order, repeats allowed); costs min(units in the range, entries).
    virtual void cached_units(common::Addr start, common::Addr end, UnitList& units) = 0;
    virtual std::uint64_t searchable_sets() const = 0;
    // Where a walk over those sets reaches `unit`, in [0, searchable_sets()).
    virtual std::uint64_t walk_position(common::Addr unit) const = 0;
    // Writes back and invalidates [lo, hi), inside one unit: private copies
    // are snooped from `visit`; dirty data leaves for memory no earlier than
    // `writeback_not_before`.
    virtual UnitWork maintain_unit(common::Addr lo, common::Addr hi, const cache::Interest& interest,
                                   common::Duration visit, common::Duration writeback_not_before) = 0;
};

}  // namespace invalsim::home_agent
