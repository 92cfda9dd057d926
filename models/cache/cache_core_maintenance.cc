// CacheCore's maintenance operations: clean, invalidate and both, of one
// line, of a range and of the whole cache.
#include "models/cache/cache_core.h"

namespace invalsim::cache {

using coherence::Req;
using common::Addr;
using common::Duration;

void CacheCore::maintain_way(MaintenanceOp op, std::uint64_t set, std::uint32_t way,
                             MaintenanceResult& r, Duration at, const Interest& interest) {
    const LineState s = m_tags.state(set, way);
    if (!is_valid(s)) return;
    const Addr addr = m_tags.addr_of(m_tags.tag(set, way));
    std::uint8_t* data = m_tags.data(set, way);
    const bool write_back = op != MaintenanceOp::Invalidate && is_dirty(s);
    if (op != MaintenanceOp::Clean) {
        m_repl->forget(set, way);
        m_tags.clear(set, way);
        m_prefetched[set * m_tags.ways() + way] = false;
        ++m_stats.maint_invalidated;
        ++r.invalidated;
        if (!interest.covers(addr, m_tags.line_bytes())) ++r.collateral;
    } else if (write_back) {
        m_tags.set_state(set, way, LineState::Exclusive);
    }
    if (write_back) {
        ++m_stats.writebacks;
        ++m_stats.maint_cleaned;
        ++r.written_back;
        const bool kept = op == MaintenanceOp::Clean || held_elsewhere(addr);
        Duration d = at;
        send_below(Req::WriteBack, addr, data, kept, d);
        r.done = common::max(r.done, d);
    } else if (op != MaintenanceOp::Clean) {
        Duration d = at;
        notify_clean_drop(addr, d);
    }
}

MaintenanceResult CacheCore::maintain_line(MaintenanceOp op, Addr addr, Duration at,
                                           const Interest& interest) {
    MaintenanceResult r;
    r.done = at;
    const std::uint64_t line = m_tags.line_of(addr);
    ++r.examined;
    const std::uint32_t way = m_tags.find(line);
    if (way != TagArray::kNoWay) maintain_way(op, m_tags.set_of(line), way, r, at, interest);
    m_stats.maint_examined += r.examined;
    return r;
}

MaintenanceResult CacheCore::maintain_range(MaintenanceOp op, Addr start, std::uint64_t len,
                                            Duration at, const Interest& interest) {
    MaintenanceResult r;
    r.done = at;
    if (len == 0) return r;
    const std::uint64_t first = m_tags.line_of(start);
    const std::uint64_t last = m_tags.line_of(start + (len - 1));  // callers reject wrap-around
    const std::uint64_t range_lines = last - first + 1;
    const std::uint64_t entries = m_tags.sets() * m_tags.ways();
    if (range_lines <= entries) {
        for (std::uint64_t line = first; line <= last; ++line) {
            ++r.examined;
            const std::uint32_t way = m_tags.find(line);
            if (way != TagArray::kNoWay) maintain_way(op, m_tags.set_of(line), way, r, at, interest);
        }
    } else {
        for (std::uint64_t set = 0; set < m_tags.sets(); ++set) {
            for (std::uint32_t way = 0; way < m_tags.ways(); ++way) {
                ++r.examined;
                if (!is_valid(m_tags.state(set, way))) continue;
                const std::uint64_t line = m_tags.tag(set, way);
                if (line >= first && line <= last) maintain_way(op, set, way, r, at, interest);
            }
        }
    }
    m_stats.maint_examined += r.examined;
    return r;
}

MaintenanceResult CacheCore::maintain_all(MaintenanceOp op, Duration at, const Interest& interest) {
    MaintenanceResult r;
    r.done = at;
    for (std::uint64_t set = 0; set < m_tags.sets(); ++set) {
        for (std::uint32_t way = 0; way < m_tags.ways(); ++way) {
            ++r.examined;
            maintain_way(op, set, way, r, at, interest);
        }
    }
    m_stats.maint_examined += r.examined;
    return r;
}

}  // namespace invalsim::cache
