#include "models/cache/cache_core.h"

#include <algorithm>
#include <cstring>

namespace invalsim::cache {

using common::Addr;
using common::Duration;

CacheCore::CacheCore(const CacheParams& params, Duration hit_latency, LinePort& below,
                     std::uint64_t replacement_seed)
    : m_tags(params.sets(), params.ways, params.line_bytes),
      m_repl(make_replacement(params.replacement, params.sets(), params.ways, replacement_seed)),
      m_hit_latency(hit_latency),
      m_below(below) {}

bool CacheCore::read(Addr addr, std::uint8_t* out, std::uint32_t len, Duration& delay) {
    delay += m_hit_latency;
    const std::uint64_t line = m_tags.line_of(addr);
    const std::uint64_t set = m_tags.set_of(line);
    std::uint32_t way = m_tags.find(line);
    const bool hit = way != TagArray::kNoWay;
    if (hit) {
        ++m_stats.read_hits;
        m_repl->touch(set, way);
    } else {
        ++m_stats.read_misses;
        way = allocate(line, true, delay);
    }
    std::memcpy(out, m_tags.data(set, way) + (addr - m_tags.addr_of(line)), len);
    return hit;
}

bool CacheCore::write(Addr addr, const std::uint8_t* in, std::uint32_t len, Duration& delay) {
    delay += m_hit_latency;
    const std::uint64_t line = m_tags.line_of(addr);
    const std::uint64_t set = m_tags.set_of(line);
    std::uint32_t way = m_tags.find(line);
    const bool hit = way != TagArray::kNoWay;
    if (hit) {
        ++m_stats.write_hits;
        m_repl->touch(set, way);
    } else {
        ++m_stats.write_misses;
        const bool whole_line = len == m_tags.line_bytes();
        way = allocate(line, !whole_line, delay);
    }
    std::memcpy(m_tags.data(set, way) + (addr - m_tags.addr_of(line)), in, len);
    m_tags.set_state(set, way, LineState::Modified);
    return hit;
}

std::uint32_t CacheCore::allocate(std::uint64_t line, bool fetch, Duration& delay) {
    const std::uint64_t set = m_tags.set_of(line);
    std::uint32_t way = m_tags.free_way(set);
    if (way == TagArray::kNoWay) {
        way = m_repl->victim(set);
        evict(set, way, delay);
    }
    if (fetch) {
        m_below.read_line(m_tags.addr_of(line), m_tags.data(set, way), m_tags.line_bytes(), delay);
    }
    m_tags.install(line, way, LineState::Exclusive);
    m_repl->touch(set, way);
    ++m_stats.fills;
    return way;
}

// The victim's write-back leaves through a write buffer: it occupies the
// path below but does not delay the miss that caused it.
void CacheCore::evict(std::uint64_t set, std::uint32_t way, Duration& delay) {
    ++m_stats.evictions;
    if (is_dirty(m_tags.state(set, way))) {
        Duration buffered = delay;
        write_back(set, way, buffered);
    }
    m_repl->forget(set, way);
    m_tags.clear(set, way);
}

void CacheCore::write_back(std::uint64_t set, std::uint32_t way, Duration& delay) {
    ++m_stats.writebacks;
    m_below.write_line(m_tags.addr_of(m_tags.tag(set, way)), m_tags.data(set, way),
                       m_tags.line_bytes(), delay);
}

void CacheCore::maintain_way(MaintenanceOp op, std::uint64_t set, std::uint32_t way,
                             MaintenanceResult& r, Duration& delay) {
    const LineState s = m_tags.state(set, way);
    if (!is_valid(s)) return;
    if (op != MaintenanceOp::Invalidate && is_dirty(s)) {
        write_back(set, way, delay);
        ++m_stats.maint_cleaned;
        ++r.written_back;
        m_tags.set_state(set, way, LineState::Exclusive);
    }
    if (op != MaintenanceOp::Clean) {
        m_repl->forget(set, way);
        m_tags.clear(set, way);
        ++m_stats.maint_invalidated;
        ++r.invalidated;
    }
}

MaintenanceResult CacheCore::maintain_line(MaintenanceOp op, Addr addr, Duration& delay) {
    MaintenanceResult r;
    const std::uint64_t line = m_tags.line_of(addr);
    ++r.examined;
    const std::uint32_t way = m_tags.find(line);
    if (way != TagArray::kNoWay) maintain_way(op, m_tags.set_of(line), way, r, delay);
    m_stats.maint_examined += r.examined;
    return r;
}

MaintenanceResult CacheCore::maintain_range(MaintenanceOp op, Addr start, std::uint64_t len,
                                            Duration& delay) {
    MaintenanceResult r;
    if (len == 0) return r;
    const std::uint64_t first = m_tags.line_of(start);
    const std::uint64_t last = m_tags.line_of(start + (len - 1));  // callers reject wrap-around
    const std::uint64_t range_lines = last - first + 1;
    const std::uint64_t entries = m_tags.sets() * m_tags.ways();
    if (range_lines <= entries) {
        for (std::uint64_t line = first; line <= last; ++line) {
            ++r.examined;
            const std::uint32_t way = m_tags.find(line);
            if (way != TagArray::kNoWay) maintain_way(op, m_tags.set_of(line), way, r, delay);
        }
    } else {
        for (std::uint64_t set = 0; set < m_tags.sets(); ++set) {
            for (std::uint32_t way = 0; way < m_tags.ways(); ++way) {
                ++r.examined;
                if (!is_valid(m_tags.state(set, way))) continue;
                const std::uint64_t line = m_tags.tag(set, way);
                if (line >= first && line <= last) maintain_way(op, set, way, r, delay);
            }
        }
    }
    m_stats.maint_examined += r.examined;
    return r;
}

MaintenanceResult CacheCore::maintain_all(MaintenanceOp op, Duration& delay) {
    MaintenanceResult r;
    for (std::uint64_t set = 0; set < m_tags.sets(); ++set) {
        for (std::uint32_t way = 0; way < m_tags.ways(); ++way) {
            ++r.examined;
            maintain_way(op, set, way, r, delay);
        }
    }
    m_stats.maint_examined += r.examined;
    return r;
}

LineState CacheCore::probe(Addr addr) const {
    const std::uint64_t line = m_tags.line_of(addr);
    const std::uint32_t way = m_tags.find(line);
    return way == TagArray::kNoWay ? LineState::Invalid : m_tags.state(m_tags.set_of(line), way);
}

}  // namespace invalsim::cache
