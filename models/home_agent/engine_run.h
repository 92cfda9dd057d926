#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <unordered_set>
#include <utility>
#include <vector>

#include "models/cache/cache_core.h"
#include "models/common/duration.h"
#include "models/home_agent/engine_params.h"
#include "models/home_agent/engine_target.h"

namespace invalsim::home_agent {

// One maintenance operation as it progresses through simulated time. The
// units cached in the range when it starts, and those cached later ahead of
// the search, are maintained in the engine's search order (address order for
// `range`, set order for `walk`), each when the search reaches it:
//   visit(unit) = begin + search time up to the unit + stall so far
// The stall grows by busy / parallelism for each unit whose private copies
// are snooped (busy: the snoop round trip, and merging dirty data into the
// slice; the lanes overlap it), and by the wait for a free write-back slot
// for each unit written back to memory while writebacks_in_flight are out.
// A copy cached behind the search survives. The operation ends at
//   max(begin + whole search + stall, last write-back landed).
// Host cost: min(units in range, entries) to start, then per unit cached.
class EngineRun {
public:
    struct Setup {
        common::Addr start = 0;
        common::Addr end = 0;  // exclusive; saturated at the top of the address space
        bool walked = false;
        common::Duration begin;   // the first lookup
        common::Duration search;  // the whole search
        cache::Interest interest;
    };

    EngineRun(const EngineParams& params, EngineTarget& target, const Setup& setup);

    bool pending() const { return m_next < m_units.size() || !m_late.empty(); }
    // When the next unit is due; Duration::max() when none is pending.
    common::Duration next_due() const;
    // Maintains every unit due by `until`; `kernel` is the base of the
    // target's annotated delays (the current SystemC time).
    void advance(common::Duration until, common::Duration kernel);
    // A copy of `addr` was cached at `now`.
    void note_cached(common::Addr addr, common::Duration now);

    // Once nothing is pending: when the operation completes.
    common::Duration finish() const;
    const cache::MaintenanceResult& result() const { return m_result; }
    common::Duration stall() const { return m_stall; }
    std::uint64_t units_left() const { return m_units.size() - m_next + m_late.size(); }

private:
    using Item = std::pair<std::uint64_t, common::Addr>;  // search key, unit
    std::uint64_t key_of(common::Addr unit) const;
    // Fill m_units from the listed units (repeats allowed), sorted by key.
    void order_by_address(UnitList& units);
    void order_by_walk(const UnitList& units);
    common::Duration visit_of(std::uint64_t key) const;
    std::uint64_t keys_passed(common::Duration now) const;
    // The next unit in search order, from either list; false if none.
    bool peek(Item& item) const;
    void pop();
    void maintain(common::Addr unit, common::Duration visit, common::Duration kernel);

    EngineParams m_p;
    EngineTarget& m_target;
    Setup m_s;
    std::uint32_t m_unit;
    common::Duration m_per;  // search cost per step
    // The units cached at the start, sorted by key (a cursor walks them),
    // and those cached later ahead of the search.
    std::vector<Item, common::HugePageAllocator<Item>> m_units;
    std::size_t m_next = 0;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> m_late;
    std::unordered_set<common::Addr> m_late_units;
    // Landing times of the write-backs in flight, earliest first.
    using Landings = std::priority_queue<common::Duration, std::vector<common::Duration>,
                                         std::greater<common::Duration>>;
    Landings m_slots;
    common::Duration m_stall;
    common::Duration m_last_landed;
    cache::MaintenanceResult m_result;
};

// a + b, saturating at Duration::max().
common::Duration saturating_add(common::Duration a, common::Duration b);

}  // namespace invalsim::home_agent
