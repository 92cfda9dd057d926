#include "models/home_agent/engine_run.h"

#include <algorithm>

namespace invalsim::home_agent {

using common::Addr;
using common::Duration;

Duration saturating_add(Duration a, Duration b) {
    return b > Duration::max() - a ? Duration::max() : a + b;
}

EngineRun::EngineRun(const EngineParams& params, EngineTarget& target, const Setup& setup)
    : m_p(params),
      m_target(target),
      m_s(setup),
      m_unit(target.unit_bytes()),
      m_per(setup.walked ? params.per_set : params.per_granule) {
    UnitList units;
    if (m_s.end > m_s.start) m_target.cached_units(m_s.start, m_s.end, units);
    if (m_s.walked) {
        order_by_walk(units);
    } else {
        order_by_address(units);
    }
}

// A range search's key grows with the address, so ordering the addresses
// orders the keys (8-byte values sort faster than pairs).
void EngineRun::order_by_address(UnitList& units) {
    std::sort(units.begin(), units.end());
    units.erase(std::unique(units.begin(), units.end()), units.end());
    m_units.reserve(units.size());
    for (Addr u : units) m_units.emplace_back(key_of(u), u);
}

// A walk's keys are set positions; with many units per position, a counting
// sort by key, then each key's few units sorted, gives the order a sort of
// the (key, unit) pairs would, in linear time. Keys are computed twice rather
// than stored: storing them would mean another list as long as this one in
// fresh host memory, whose first touch is the dearer resource on a virtual
// machine.
void EngineRun::order_by_walk(const UnitList& units) {
    if (units.size() < m_target.searchable_sets() / 4) {  // few units: the counts would cost more
        m_units.reserve(units.size());
        for (Addr u : units) m_units.emplace_back(key_of(u), u);
        std::sort(m_units.begin(), m_units.end());
        m_units.erase(std::unique(m_units.begin(), m_units.end()), m_units.end());
        return;
    }
    std::vector<std::uint32_t> first(m_target.searchable_sets() + 1, 0);
    for (Addr u : units) {
        const std::uint64_t key = key_of(u);
        if (key + 1 >= first.size()) first.resize(key + 2, 0);  // a target out of contract stays in bounds
        ++first[key + 1];
    }
    const std::uint64_t positions = first.size() - 1;
    for (std::uint64_t k = 0; k < positions; ++k) first[k + 1] += first[k];
    m_units.resize(units.size());
    std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
    for (Addr u : units) {
        const std::uint64_t key = key_of(u);
        m_units[fill[key]++] = Item{key, u};
    }
    for (std::uint64_t k = 0; k < positions; ++k) {
        if (first[k + 1] - first[k] > 1) std::sort(m_units.begin() + first[k], m_units.begin() + first[k + 1]);
    }
    m_units.erase(std::unique(m_units.begin(), m_units.end()), m_units.end());
}

std::uint64_t EngineRun::key_of(Addr unit) const {
    if (m_s.walked) return m_target.walk_position(unit);
    return (std::max(unit, m_s.start) - m_s.start) / m_p.granule_bytes;
}

Duration EngineRun::visit_of(std::uint64_t key) const {
    return saturating_add(saturating_add(m_s.begin, search_steps(m_p, key + 1, m_per)), m_stall);
}

// Keys k with visit_of(k) <= now: whole steps done, times the lookups per step.
std::uint64_t EngineRun::keys_passed(Duration now) const {
    const Duration from = saturating_add(m_s.begin, m_stall);
    if (now < from) return 0;
    if (m_per.as_ps() == 0) return ~0ULL;
    const std::uint64_t steps = (now - from).as_ps() / m_per.as_ps();
    return steps > ~0ULL / m_p.parallelism ? ~0ULL : steps * m_p.parallelism;
}

bool EngineRun::peek(Item& item) const {
    const bool sorted = m_next < m_units.size();
    if (!sorted && m_late.empty()) return false;
    item = !sorted || (!m_late.empty() && m_late.top() < m_units[m_next]) ? m_late.top() : m_units[m_next];
    return true;
}

void EngineRun::pop() {
    if (m_next < m_units.size() && (m_late.empty() || !(m_late.top() < m_units[m_next]))) {
        ++m_next;
        return;
    }
    m_late_units.erase(m_late.top().second);
    m_late.pop();
}

Duration EngineRun::next_due() const {
    Item item;
    return peek(item) ? visit_of(item.first) : Duration::max();
}

void EngineRun::advance(Duration until, Duration kernel) {
    Item item;
    while (peek(item)) {
        const Duration visit = visit_of(item.first);
        if (visit > until) return;
        pop();
        maintain(item.second, visit, kernel);
    }
}

// A unit listed at the start and cached again is maintained twice, the
// second time finding little or nothing.
void EngineRun::note_cached(Addr addr, Duration now) {
    const Addr unit = addr - addr % m_unit;
    if (unit >= m_s.end || unit + m_unit <= m_s.start) return;
    const std::uint64_t key = key_of(unit);
    if (key < keys_passed(now)) return;  // behind the search: it stays
    if (m_late_units.insert(unit).second) m_late.emplace(key, unit);
}

void EngineRun::maintain(Addr unit, Duration visit, Duration kernel) {
    const Duration at = common::max(visit, kernel);
    while (!m_slots.empty() && m_slots.top() <= at) m_slots.pop();
    const Duration slot = m_slots.size() >= m_p.writebacks_in_flight ? m_slots.top() : at;
    const Addr lo = std::max(unit, m_s.start);
    const Addr hi = m_s.end - unit > m_unit ? unit + m_unit : m_s.end;
    const UnitWork w = m_target.maintain_unit(lo, hi, m_s.interest, at - kernel, slot - kernel);
    ++m_result.examined;
    m_result.written_back += w.written_back;
    m_result.invalidated += w.invalidated;
    m_result.collateral += w.collateral;
    m_stall += Duration::ps(w.busy.as_ps() / m_p.parallelism);
    if (!w.to_memory) return;
    const Duration ready = at + w.busy;
    const Duration posted = kernel + w.posted;
    if (posted > ready) m_stall += posted - ready;
    if (m_slots.size() >= m_p.writebacks_in_flight) m_slots.pop();
    m_slots.push(kernel + w.landed);
    m_last_landed = common::max(m_last_landed, kernel + w.landed);
    m_result.done = m_last_landed;
}

Duration EngineRun::finish() const {
    return common::max(saturating_add(saturating_add(m_s.begin, m_s.search), m_stall), m_last_landed);
}

}  // namespace invalsim::home_agent
