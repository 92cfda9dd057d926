#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "models/cache/cache_params.h"
#include "models/cache/cache_stats.h"
#include "models/cache/line_port.h"
#include "models/cache/prefetcher.h"
#include "models/cache/replacement.h"
#include "models/cache/tag_array.h"
#include "models/coherence/snoop.h"
#include "models/common/duration.h"

namespace invalsim::cache {

enum class MaintenanceOp { Clean, Invalidate, CleanInvalidate };

struct MaintenanceResult {
    std::uint64_t examined = 0;  // tag lookups or tag-array entries visited
    std::uint64_t written_back = 0;
    std::uint64_t invalidated = 0;
    std::uint64_t collateral = 0;  // invalidated lines not wholly inside the caller's range
    common::Duration done;         // when the last write-back completed (same base as the delay)
    MaintenanceResult& operator+=(const MaintenanceResult& o) {
        examined += o.examined;
        written_back += o.written_back;
        invalidated += o.invalidated;
        collateral += o.collateral;
        done = common::max(done, o.done);
        return *this;
    }
};

// The range a maintenance caller asked for, to count collateral damage:
// lines invalidated beyond it (alignment, whole-cache mechanisms).
struct Interest {
    common::Addr start = 0;
    common::Addr end = ~0ULL;  // exclusive
    bool covers(common::Addr line, std::uint32_t bytes) const {
        return line >= start && line + bytes <= end;
    }
};

// Where a level sits; set once by whoever builds the hierarchy.
struct Placement {
    coherence::Source source = coherence::Source::L1;  // reported as the data source on hits
    bool last_private = false;    // the level below is the home agents
    bool below_includes = false;  // the level below is inclusive of this one
    bool memory_side = false;     // a home agent's system-level cache: below is the device
    std::uint32_t cpu = 0;        // requester number sent with line requests
};

// A write-back, write-allocate, MESI set-associative cache holding real data.
// The same core serves as a CPU's private level and as a home agent's
// memory-side cache. Accesses must not cross a line of this cache.
class CacheCore {
public:
    CacheCore(const CacheParams& params, common::Duration hit_latency, LinePort& below,
              std::uint64_t replacement_seed, Placement placement = {});

    void set_hierarchy(Hierarchy* h) { m_hierarchy = h; }
    // Replaces the port to the level below (the private fast path).
    void set_below(LinePort* below) { m_below = below; }

    // From the CPU (first level). Return true on a hit, add the time to `delay`.
    // Hits in a cache without a prefetcher, the bulk of a CPU's accesses,
    // are handled inline; the rest goes through the general path.
    bool load(common::Addr addr, std::uint8_t* out, std::uint32_t len, common::Duration& delay,
              coherence::Source* source = nullptr) {
        const std::uint64_t line = m_tags.line_of(addr);
        const std::uint32_t way = m_prefetcher ? TagArray::kNoWay : m_tags.find(line);
        if (way == TagArray::kNoWay) return load_any(addr, out, len, delay, source);
        const std::uint64_t set = m_tags.set_of(line);
        delay += m_hit_latency;
        touch(set, way);
        copy_bytes(out, m_tags.data(set, way) + (addr - m_tags.addr_of(line)), len);
        ++m_stats.read_hits;
        if (source) *source = m_place.source;
        return true;
    }
    bool store(common::Addr addr, const std::uint8_t* in, std::uint32_t len, common::Duration& delay) {
        const std::uint64_t line = m_tags.line_of(addr);
        const std::uint32_t way = m_prefetcher ? TagArray::kNoWay : m_tags.find(line);
        if (way == TagArray::kNoWay) return store_any(addr, in, len, delay);
        const std::uint64_t set = m_tags.set_of(line);
        if (!is_writable(m_tags.state(set, way))) return store_any(addr, in, len, delay);
        delay += m_hit_latency;
        touch(set, way);
        copy_bytes(m_tags.data(set, way) + (addr - m_tags.addr_of(line)), in, len);
        m_tags.set_state(set, way, LineState::Modified);
        ++m_stats.write_hits;
        return true;
    }
    // From the level above (or the home agent, for a system-level cache).
    void serve(coherence::LineRequest& r, common::Duration& delay);

    // Applies a snoop (or a recall from a lower inclusive level) to this
    // level's copy. When the copy is dirty and `data_taken` is false its
    // bytes go to `data`; an upper level's newer bytes win otherwise.
    coherence::SnoopResult snoop(coherence::Snoop kind, common::Addr addr, std::uint8_t* data,
                                 bool data_taken);

    // Maintenance. The range form costs min(lines in range, lines in cache)
    // lookups, never the size of the range itself. Write-backs are posted
    // from `at` (an annotated delay) and overlap; `done` in the result says
    // when the last one completed.
    MaintenanceResult maintain_line(MaintenanceOp op, common::Addr addr, common::Duration at,
                                    const Interest& interest = {});
    MaintenanceResult maintain_range(MaintenanceOp op, common::Addr start, std::uint64_t len,
                                     common::Duration at, const Interest& interest = {});
    MaintenanceResult maintain_all(MaintenanceOp op, common::Duration at,
                                   const Interest& interest = {});
    // Lines of the cache, for collateral counting by callers.
    std::uint64_t entries() const { return m_tags.sets() * m_tags.ways(); }
    std::uint64_t sets() const { return m_tags.sets(); }

    // Inspection without side effects (tests, checkers, the tile).
    LineState probe(common::Addr addr) const;
    // Valid lines within [start, start+len), at cost min(lines in range, entries).
    std::uint64_t count_valid_in(common::Addr start, std::uint64_t len) const;
    // Calls fn(line address) for each of them, at the same cost, in no
    // particular order.
    template <class Fn>
    void for_each_valid_in(common::Addr start, std::uint64_t len, Fn&& fn) const;
    // Their addresses, ascending, at the same cost.
    std::vector<common::Addr> valid_lines_in(common::Addr start, std::uint64_t len) const;
    std::uint64_t set_of(common::Addr addr) const { return m_tags.set_of(m_tags.line_of(addr)); }
    bool peek(common::Addr addr, std::uint8_t* out, std::uint32_t len) const;
    std::uint32_t line_bytes() const { return m_tags.line_bytes(); }
    std::uint64_t valid_lines() const { return m_tags.valid_lines(); }
    common::Duration hit_latency() const { return m_hit_latency; }
    const CacheStats& stats() const { return m_stats; }

private:
    struct Slot {
        std::uint64_t set;
        std::uint32_t way;
        bool hit;
    };
    bool load_any(common::Addr addr, std::uint8_t* out, std::uint32_t len, common::Duration& delay,
                  coherence::Source* source);
    bool store_any(common::Addr addr, const std::uint8_t* in, std::uint32_t len, common::Duration& delay);
    // LRU, the usual policy, is called without a virtual call.
    void touch(std::uint64_t set, std::uint32_t way) {
        if (m_lru) {
            m_lru->touch(set, way);
        } else {
            m_repl->touch(set, way);
        }
    }
    // The CPU's common access sizes copy without a library call.
    static void copy_bytes(std::uint8_t* to, const std::uint8_t* from, std::uint32_t len) {
        if (len == 8) {
            std::memcpy(to, from, 8);
        } else {
            std::memcpy(to, from, len);
        }
    }
    // `prefetch`: a miss goes below marked as a prefetch (statistics only).
    Slot obtain(std::uint64_t line, bool exclusive, common::Duration& delay,
                coherence::Source& source, bool prefetch = false);
    std::uint32_t make_room(std::uint64_t set, common::Duration& delay);
    void evict(std::uint64_t set, std::uint32_t way, common::Duration& delay);
    void send_below(coherence::Req type, common::Addr addr, std::uint8_t* data, bool kept,
                    common::Duration& delay);
    bool held_elsewhere(common::Addr addr) const;
    void notify_clean_drop(common::Addr addr, common::Duration& delay);
    bool fetch(coherence::Req type, std::uint64_t line, std::uint64_t set, std::uint32_t way,
               common::Duration& delay, coherence::Source& source, bool prefetch = false);
    void accept_writeback(coherence::LineRequest& r, common::Duration& delay);
    void forward_clean_evict(coherence::LineRequest& r, common::Duration& delay);
    void note_access(std::uint64_t line, const Slot& s, bool demand);
    void prefetch(common::Duration delay);
    void maintain_way(MaintenanceOp op, std::uint64_t set, std::uint32_t way,
                      MaintenanceResult& r, common::Duration at, const Interest& interest);

    TagArray m_tags;
    std::unique_ptr<ReplacementPolicy> m_repl;
    LruPolicy* m_lru = nullptr;  // m_repl, when it is LRU
    std::unique_ptr<Prefetcher> m_prefetcher;
    std::vector<bool> m_prefetched;  // per entry: filled by the prefetcher, not yet used
    PrefetchList m_pending;
    common::Duration m_hit_latency;
    LinePort* m_below;
    Hierarchy* m_hierarchy = nullptr;
    Placement m_place;
    bool m_inclusive;
    // Whether lookups prefetch their set's states and stamps: only where
    // those arrays are too big to stay in the host's caches anyway.
    bool m_prefetch_sets;
    CacheStats m_stats;
};

template <class Fn>
void CacheCore::for_each_valid_in(common::Addr start, std::uint64_t len, Fn&& fn) const {
    if (len == 0) return;
    const std::uint64_t first = m_tags.line_of(start);
    const std::uint64_t last = m_tags.line_of(start + (len - 1));
    if (last - first < entries()) {
        for (std::uint64_t line = first;; ++line) {
            if (m_tags.find(line) != TagArray::kNoWay) fn(m_tags.addr_of(line));
            if (line == last) break;
        }
        return;
    }
    for (std::uint64_t set = 0; set < m_tags.sets(); ++set) {
        for (std::uint32_t way = 0; way < m_tags.ways(); ++way) {
            if (!is_valid(m_tags.state(set, way))) continue;
            const std::uint64_t line = m_tags.tag(set, way);
            if (line >= first && line <= last) fn(m_tags.addr_of(line));
        }
    }
}

}  // namespace invalsim::cache
