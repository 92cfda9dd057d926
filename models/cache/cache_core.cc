#include "models/cache/cache_core.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace invalsim::cache {

using coherence::LineRequest;
using coherence::Req;
using coherence::Source;
using common::Addr;
using common::Duration;

namespace {
// 65,536 lines: a 4 MiB cache of 64-byte lines, whose LRU stamps alone take
// 512 KiB. Below that a level's states and stamps stay in the host's
// caches (W2's sequential sets), and prefetching them only costs.
constexpr std::uint64_t kPrefetchSetsMinLines = 1u << 16;
}  // namespace

CacheCore::CacheCore(const CacheParams& params, Duration hit_latency, LinePort& below,
                     std::uint64_t replacement_seed, Placement placement)
    : m_tags(params.sets(), params.ways, params.line_bytes),
      m_repl(make_replacement(params.replacement, params.sets(), params.ways, replacement_seed)),
      m_prefetcher(make_prefetcher(params.prefetcher, params.prefetch_degree, params.line_bytes)),
      m_prefetched(params.sets() * params.ways, false),
      m_hit_latency(hit_latency),
      m_below(&below),
      m_place(placement),
      m_inclusive(params.inclusive && !placement.memory_side),
      m_prefetch_sets(params.sets() * params.ways >= kPrefetchSetsMinLines) {
    m_lru = dynamic_cast<LruPolicy*>(m_repl.get());
}

bool CacheCore::load_any(Addr addr, std::uint8_t* out, std::uint32_t len, Duration& delay,
                         Source* source) {
    delay += m_hit_latency;
    const std::uint64_t line = m_tags.line_of(addr);
    Source src = Source::None;
    const Slot s = obtain(line, false, delay, src);
    std::memcpy(out, m_tags.data(s.set, s.way) + (addr - m_tags.addr_of(line)), len);
    ++(s.hit ? m_stats.read_hits : m_stats.read_misses);
    if (source) *source = src;
    note_access(line, s, true);
    prefetch(delay);
    return s.hit;
}

bool CacheCore::store_any(Addr addr, const std::uint8_t* in, std::uint32_t len, Duration& delay) {
    delay += m_hit_latency;
    const std::uint64_t line = m_tags.line_of(addr);
    Source src = Source::None;
    const Slot s = obtain(line, true, delay, src);
    std::memcpy(m_tags.data(s.set, s.way) + (addr - m_tags.addr_of(line)), in, len);
    m_tags.set_state(s.set, s.way, LineState::Modified);
    ++(s.hit ? m_stats.write_hits : m_stats.write_misses);
    note_access(line, s, true);
    prefetch(delay);
    return s.hit;
}

void CacheCore::serve(LineRequest& r, Duration& delay) {
    delay += m_hit_latency;
    const std::uint64_t line = m_tags.line_of(r.addr);
    const std::uint32_t offset = static_cast<std::uint32_t>(r.addr - m_tags.addr_of(line));
    switch (r.type) {
        case Req::ReadShared:
        case Req::ReadOnce: {
            const Slot s = obtain(line, false, delay, r.source, r.prefetch);
            std::memcpy(r.data, m_tags.data(s.set, s.way) + offset, r.bytes);
            const bool shared = m_tags.state(s.set, s.way) == LineState::Shared;
            r.granted = shared ? LineState::Shared : LineState::Exclusive;
            if (r.prefetch) {
                ++m_stats.prefetch_received;
                ++(s.hit ? m_stats.prefetch_hits : m_stats.prefetch_misses);
            } else {
                ++(s.hit ? m_stats.read_hits : m_stats.read_misses);
            }
            note_access(line, s, !r.prefetch);
            break;
        }
        case Req::ReadUnique:
        case Req::Upgrade: {
            const Slot s = obtain(line, true, delay, r.source);
            if (r.type == Req::ReadUnique) {
                std::memcpy(r.data, m_tags.data(s.set, s.way) + offset, r.bytes);
            }
            r.granted = LineState::Exclusive;
            ++(s.hit ? m_stats.write_hits : m_stats.write_misses);
            note_access(line, s, true);
            break;
        }
        case Req::WriteUnique: {
            const Slot s = obtain(line, true, delay, r.source);
            std::memcpy(m_tags.data(s.set, s.way) + offset, r.data, r.bytes);
            m_tags.set_state(s.set, s.way, LineState::Modified);
            ++(s.hit ? m_stats.write_hits : m_stats.write_misses);
            break;
        }
        case Req::WriteBack: accept_writeback(r, delay); break;
        case Req::CleanEvict: forward_clean_evict(r, delay); break;
    }
    prefetch(delay);
}

CacheCore::Slot CacheCore::obtain(std::uint64_t line, bool exclusive, Duration& delay,
                                  Source& source, bool prefetch) {
    const std::uint64_t set = m_tags.set_of(line);
    if (m_prefetch_sets) {
        m_tags.prefetch_states(set);
        if (m_lru) m_lru->prefetch(set);
    }
    std::uint32_t way = m_tags.find(line);
    if (way != TagArray::kNoWay) {
        touch(set, way);
        if (!exclusive || is_writable(m_tags.state(set, way))) {
            source = m_place.source;
            return {set, way, true};
        }
        ++m_stats.upgrades;
        LineRequest r{Req::Upgrade, m_tags.addr_of(line), m_tags.line_bytes(), nullptr, m_place.cpu};
        m_below->request(r, delay);
        m_tags.set_state(set, way, LineState::Exclusive);
        source = m_place.source;
        return {set, way, false};
    }
    way = make_room(set, delay);
    if (!fetch(exclusive ? Req::ReadUnique : Req::ReadShared, line, set, way, delay, source,
               prefetch)) {
        throw std::runtime_error("no memory backs line address " +
                                 std::to_string(m_tags.addr_of(line)));
    }
    return {set, way, false};
}

bool CacheCore::fetch(Req type, std::uint64_t line, std::uint64_t set, std::uint32_t way,
                      Duration& delay, Source& source, bool prefetch) {
    LineRequest r{type, m_tags.addr_of(line), m_tags.line_bytes(), m_tags.data(set, way),
                  m_place.cpu};
    r.prefetch = prefetch;
    m_below->request(r, delay);
    if (!r.ok) return false;
    // A memory device grants nothing: a memory-side cache owns what it reads.
    const bool granted = r.granted != LineState::Invalid;
    m_tags.install(line, way, granted ? r.granted : LineState::Exclusive);
    touch(set, way);
    m_prefetched[set * m_tags.ways() + way] = false;
    ++m_stats.fills;
    source = r.source == Source::None ? Source::Memory : r.source;
    return true;
}

std::uint32_t CacheCore::make_room(std::uint64_t set, Duration& delay) {
    std::uint32_t way = m_tags.free_way(set);
    if (way == TagArray::kNoWay) {
        way = m_repl->victim(set);
        evict(set, way, delay);
    }
    return way;
}

// Evictions leave through a write buffer: they occupy the path below but do
// not delay the access that caused them.
void CacheCore::evict(std::uint64_t set, std::uint32_t way, Duration& delay) {
    ++m_stats.evictions;
    const Addr addr = m_tags.addr_of(m_tags.tag(set, way));
    std::uint8_t* data = m_tags.data(set, way);  // stays intact until the way is refilled
    if (m_inclusive && m_hierarchy && m_hierarchy->recall_above(addr, data)) {
        m_tags.set_state(set, way, LineState::Modified);
    }
    const bool dirty = is_dirty(m_tags.state(set, way));
    m_repl->forget(set, way);
    m_tags.clear(set, way);  // first, so that held_elsewhere() no longer sees it
    Duration buffered = delay;
    if (dirty) {
        ++m_stats.writebacks;
        send_below(Req::WriteBack, addr, data, held_elsewhere(addr), buffered);
    } else {
        notify_clean_drop(addr, buffered);
    }
}

// A clean line left this level: tell the level below when it could not
// otherwise know (the home agent's snoop filter, a non-inclusive level).
void CacheCore::notify_clean_drop(Addr addr, Duration& delay) {
    if (m_place.memory_side) return;
    if (m_place.last_private ? !held_elsewhere(addr) : !m_place.below_includes) {
        send_below(Req::CleanEvict, addr, nullptr, false, delay);
    }
}

// `kept`: this CPU still holds the line after a WriteBack (only the home
// agent, below the last private level, cares).
void CacheCore::send_below(Req type, Addr addr, std::uint8_t* data, bool kept, Duration& delay) {
    LineRequest r{type, addr, m_tags.line_bytes(), data, m_place.cpu};
    r.keep = kept;
    m_below->request(r, delay);
}

bool CacheCore::held_elsewhere(Addr addr) const {
    return m_hierarchy && m_hierarchy->held_elsewhere(addr);
}

void CacheCore::accept_writeback(LineRequest& r, Duration& delay) {
    const std::uint64_t line = m_tags.line_of(r.addr);
    const std::uint64_t set = m_tags.set_of(line);
    std::uint32_t way = m_tags.find(line);
    const bool hit = way != TagArray::kNoWay;
    if (hit) {
        touch(set, way);
    } else if (r.bytes == m_tags.line_bytes()) {
        way = make_room(set, delay);  // the whole line arrives: nothing to fetch
        m_tags.install(line, way, LineState::Modified);
        touch(set, way);
        m_prefetched[set * m_tags.ways() + way] = false;
        ++m_stats.fills;
    } else {
        Source ignored;
        way = obtain(line, true, delay, ignored).way;
    }
    std::memcpy(m_tags.data(set, way) + (r.addr - m_tags.addr_of(line)), r.data, r.bytes);
    m_tags.set_state(set, way, LineState::Modified);
    ++(hit ? m_stats.received_writeback_hits : m_stats.received_writeback_misses);
}

void CacheCore::forward_clean_evict(LineRequest& r, Duration& delay) {
    if (m_tags.find(m_tags.line_of(r.addr)) != TagArray::kNoWay) return;  // the CPU still holds it
    notify_clean_drop(r.addr, delay);
}

// Every access trains the prefetcher; only a demand hit makes a prefetched
// line useful.
void CacheCore::note_access(std::uint64_t line, const Slot& s, bool demand) {
    const std::uint64_t i = s.set * m_tags.ways() + s.way;
    if (demand && s.hit && m_prefetched[i]) {
        ++m_stats.prefetch_useful;
        m_prefetched[i] = false;
    }
    if (m_prefetcher) m_prefetcher->on_access(m_tags.addr_of(line), !s.hit, m_pending);
}

// Prefetches run beside the demand access: they cost bandwidth below, not
// time on the demand's path.
void CacheCore::prefetch(Duration delay) {
    const std::uint32_t n = m_pending.count;
    m_pending.count = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint64_t line = m_tags.line_of(m_pending.addr[i]);
        if (m_tags.find(line) != TagArray::kNoWay) {
            ++m_stats.prefetch_hits;
            continue;
        }
        ++m_stats.prefetch_misses;
        const std::uint64_t set = m_tags.set_of(line);
        const std::uint32_t way = make_room(set, delay);
        Source ignored;
        if (fetch(Req::ReadShared, line, set, way, delay, ignored, true)) {
            m_prefetched[set * m_tags.ways() + way] = true;
        }
    }
}

coherence::SnoopResult CacheCore::snoop(coherence::Snoop kind, Addr addr, std::uint8_t* data,
                                        bool data_taken) {
    coherence::SnoopResult res;
    const std::uint64_t line = m_tags.line_of(addr);
    const std::uint64_t set = m_tags.set_of(line);
    const std::uint32_t way = m_tags.find(line);
    if (way == TagArray::kNoWay) {
        ++m_stats.snoop_misses;
        return res;
    }
    ++m_stats.snoop_hits;
    res.present = true;
    const LineState st = m_tags.state(set, way);
    if (is_dirty(st) && !data_taken) {
        std::memcpy(data, m_tags.data(set, way), m_tags.line_bytes());
        res.dirty = true;
    }
    switch (kind) {
        case coherence::Snoop::Invalidate:
            ++m_stats.snoop_invalidations;
            m_repl->forget(set, way);
            m_tags.clear(set, way);
            m_prefetched[set * m_tags.ways() + way] = false;
            break;
        case coherence::Snoop::Shared: m_tags.set_state(set, way, LineState::Shared); break;
        case coherence::Snoop::Clean:
            if (is_dirty(st)) m_tags.set_state(set, way, LineState::Exclusive);
            break;
    }
    return res;
}

LineState CacheCore::probe(Addr addr) const {
    const std::uint64_t line = m_tags.line_of(addr);
    const std::uint32_t way = m_tags.find(line);
    return way == TagArray::kNoWay ? LineState::Invalid : m_tags.state(m_tags.set_of(line), way);
}

std::uint64_t CacheCore::count_valid_in(Addr start, std::uint64_t len) const {
    std::uint64_t n = 0;
    for_each_valid_in(start, len, [&n](Addr) { ++n; });
    return n;
}

std::vector<Addr> CacheCore::valid_lines_in(Addr start, std::uint64_t len) const {
    std::vector<Addr> out;
    for_each_valid_in(start, len, [&out](Addr a) { out.push_back(a); });
    std::sort(out.begin(), out.end());
    return out;
}

bool CacheCore::peek(Addr addr, std::uint8_t* out, std::uint32_t len) const {
    const std::uint64_t line = m_tags.line_of(addr);
    const std::uint32_t way = m_tags.find(line);
    if (way == TagArray::kNoWay) return false;
    std::memcpy(out, m_tags.data(m_tags.set_of(line), way) + (addr - m_tags.addr_of(line)), len);
    return true;
}

}  // namespace invalsim::cache
