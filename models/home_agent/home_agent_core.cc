#include "models/home_agent/home_agent_core.h"

#include <algorithm>
#include <cstring>

namespace invalsim::home_agent {

using cache::LineState;
using coherence::LineRequest;
using coherence::Req;
using coherence::Snoop;
using coherence::Source;
using common::Addr;
using common::Duration;

namespace {

std::uint64_t sf_sets(std::uint64_t entries, std::uint32_t ways) {
    const std::uint64_t sets = entries / ways;
    return sets == 0 ? 1 : sets;
}

}  // namespace

void HomeAgentCore::MemoryPort::request(LineRequest& r, Duration& delay) {
    ++(coherence::wants_data(r.type) ? m_stats.memory_reads : m_stats.memory_writes);
    m_port->request(r, delay);
    if (r.source == Source::None) r.source = Source::Memory;
}

HomeAgentCore::HomeAgentCore(const HomeAgentParams& params, Wiring wiring, cache::LinePort& memory)
    : m_params(params),
      m_wiring(std::move(wiring)),
      m_memory(memory, m_stats),
      m_sf(sf_sets(m_wiring.snoop_filter_entries, params.snoop_filter_ways), params.snoop_filter_ways),
      m_snoop_buf(m_wiring.granule_bytes),
      m_engine(params.engine, *this) {
    if (params.slc.enabled()) {
        cache::Placement place;
        place.source = Source::Slc;
        place.memory_side = true;
        m_slc = std::make_unique<cache::CacheCore>(params.slc.cache_params(), params.slc.latency, m_memory,
                                                   m_wiring.slc_seed, place);
    }
}

void HomeAgentCore::handle(LineRequest& r, Duration& delay) {
    delay += m_params.lookup_latency;
    switch (r.type) {
        case Req::ReadShared: read_shared(r, delay); break;
        case Req::ReadUnique: read_unique(r, delay); break;
        case Req::Upgrade: upgrade(r, delay); break;
        case Req::WriteBack: write_back(r, delay); break;
        case Req::CleanEvict:
            ++m_stats.clean_evicts;
            m_sf.remove(r.addr / m_wiring.granule_bytes, r.requester);
            break;
        case Req::ReadOnce: read_once(r, delay); break;
        case Req::WriteUnique: write_unique(r, delay); break;
    }
}

void HomeAgentCore::read_shared(LineRequest& r, Duration& delay) {
    ++m_stats.read_shared;
    const std::uint64_t line = r.addr / m_wiring.granule_bytes;
    bool from_peer = false;
    if (SnoopFilter::Entry* e = m_sf.find(line); e && e->exclusive &&
                                                 e->sharers.has_other_than(r.requester)) {
        // The owner may hold it Modified: it keeps a Shared copy, and the
        // dirty data goes to memory-side storage as MESI has no Owned state.
        const SharerSet owner = e->sharers;
        from_peer = snoop_sharers(owner, r.requester, Snoop::Shared, r.addr, delay);
        e = m_sf.find(line);
        if (e) e->exclusive = false;
        if (from_peer) {
            std::memcpy(r.data, m_snoop_buf.data(), r.bytes);
            write_data(r.addr, r.bytes, m_snoop_buf.data(), delay);
            r.source = Source::Peer;
            ++m_stats.peer_data;
        }
    }
    if (!from_peer) read_data(r, delay);
    SnoopFilter::Entry& e = track(line, delay);
    const bool others = e.sharers.has_other_than(r.requester);
    e.sharers.add(r.requester);
    e.exclusive = !others;
    r.granted = others ? LineState::Shared : LineState::Exclusive;
}

void HomeAgentCore::read_unique(LineRequest& r, Duration& delay) {
    ++m_stats.read_unique;
    const std::uint64_t line = r.addr / m_wiring.granule_bytes;
    bool from_peer = false;
    if (SnoopFilter::Entry* e = m_sf.find(line)) {
        const SharerSet sharers = e->sharers;
        from_peer = snoop_sharers(sharers, r.requester, Snoop::Invalidate, r.addr, delay);
    }
    if (from_peer) {
        // Ownership of the dirty data passes to the requester.
        std::memcpy(r.data, m_snoop_buf.data(), r.bytes);
        r.source = Source::Peer;
        ++m_stats.peer_data;
    } else {
        read_data(r, delay);
    }
    SnoopFilter::Entry& e = track(line, delay);
    e.sharers.clear();
    e.sharers.add(r.requester);
    e.exclusive = true;
    r.granted = LineState::Exclusive;
}

void HomeAgentCore::upgrade(LineRequest& r, Duration& delay) {
    ++m_stats.upgrades;
    const std::uint64_t line = r.addr / m_wiring.granule_bytes;
    if (SnoopFilter::Entry* e = m_sf.find(line)) {
        const SharerSet sharers = e->sharers;
        if (snoop_sharers(sharers, r.requester, Snoop::Invalidate, r.addr, delay)) {
            write_data(r.addr, m_wiring.granule_bytes, m_snoop_buf.data(), delay);
        }
    }
    SnoopFilter::Entry& e = track(line, delay);
    e.sharers.clear();
    e.sharers.add(r.requester);
    e.exclusive = true;
    r.granted = LineState::Exclusive;
}

void HomeAgentCore::write_back(LineRequest& r, Duration& delay) {
    ++m_stats.writebacks;
    write_data(r.addr, r.bytes, r.data, delay);
    if (!r.keep) m_sf.remove(r.addr / m_wiring.granule_bytes, r.requester);
}

// An uncached read: a dirty owner is cleaned first so memory-side storage
// has the newest data; nothing is recorded in the snoop filter.
void HomeAgentCore::read_once(LineRequest& r, Duration& delay) {
    ++m_stats.read_once;
    const Addr line_addr = r.addr - r.addr % m_wiring.granule_bytes;
    if (SnoopFilter::Entry* e = m_sf.find(r.addr / m_wiring.granule_bytes); e && e->exclusive) {
        const SharerSet owner = e->sharers;
        if (snoop_sharers(owner, SharerSet::kMaxCpus, Snoop::Clean, line_addr, delay)) {
            write_data(line_addr, m_wiring.granule_bytes, m_snoop_buf.data(), delay);
        }
    }
    read_data(r, delay);
    r.granted = LineState::Invalid;
}

// An uncached partial write: every cached copy goes (a dirty one is merged
// first), then the bytes are written at memory-side storage.
void HomeAgentCore::write_unique(LineRequest& r, Duration& delay) {
    ++m_stats.write_unique;
    const std::uint64_t line = r.addr / m_wiring.granule_bytes;
    const Addr line_addr = line * m_wiring.granule_bytes;
    if (SnoopFilter::Entry* e = m_sf.find(line)) {
        const SharerSet sharers = e->sharers;
        if (snoop_sharers(sharers, SharerSet::kMaxCpus, Snoop::Invalidate, line_addr, delay)) {
            write_data(line_addr, m_wiring.granule_bytes, m_snoop_buf.data(), delay);
        }
        m_sf.erase(line);
    }
    write_data(r.addr, r.bytes, r.data, delay);
}

void HomeAgentCore::read_data(LineRequest& r, Duration& delay) {
    LineRequest down{Req::ReadShared, r.addr, r.bytes, r.data, r.requester};
    down.prefetch = r.prefetch;
    if (m_slc) {
        m_slc->serve(down, delay);
    } else {
        m_memory.request(down, delay);
    }
    r.ok = down.ok;
    r.source = down.source;
}

Duration HomeAgentCore::write_data(Addr addr, std::uint32_t bytes, std::uint8_t* data, Duration delay) {
    const bool whole = m_slc && bytes == m_slc->line_bytes();
    LineRequest down{whole ? Req::WriteBack : Req::WriteUnique, addr, bytes, data, 0};
    if (m_slc) {
        m_slc->serve(down, delay);
    } else {
        down.type = Req::WriteBack;
        m_memory.request(down, delay);
    }
    return delay;
}

bool HomeAgentCore::drop_private(std::uint64_t line, const cache::Interest& interest,
                                 cache::MaintenanceResult& r, Duration& at) {
    const std::optional<SnoopFilter::Entry> e = m_sf.take(line);
    if (!e) return false;
    const std::uint32_t g = m_wiring.granule_bytes;
    const Addr addr = line * g;
    const SharerSet sharers = e->sharers;
    sharers.for_each([&](std::uint32_t) {
        ++r.invalidated;
        if (!interest.covers(addr, g)) ++r.collateral;
    });
    const bool dirty = snoop_sharers(sharers, SharerSet::kMaxCpus, Snoop::Invalidate, addr, at);
    if (dirty) ++r.written_back;
    return dirty;
}

std::vector<Addr> HomeAgentCore::back_invalidate_lines(Addr start, Addr end,
                                                      const std::function<bool(Addr)>& owned) const {
    std::vector<Addr> out;
    if (end <= start) return out;
    const std::uint32_t g = m_wiring.granule_bytes;
    for (std::uint64_t line : m_sf.lines_in(start / g, (end - 1) / g)) {
        if (owned(line * g)) out.push_back(line * g);
    }
    if (m_slc) {
        for (Addr a : m_slc->valid_lines_in(start, end - start)) {
            const Addr last = std::min<Addr>(a + m_slc->line_bytes(), end);
            for (Addr l = std::max(a, start - start % g); l < last; l += g) {
                if (owned(l)) out.push_back(l);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// As for a read-unique: the private copies first (their dirty data lands in
// the slice), then the slice's copy goes to the device. A slice line larger
// than the granule leaves as a whole, so the private copies of all its
// granules go first: it must not carry a stale half to the device.
Duration HomeAgentCore::back_invalidate_line(Addr line, Duration at, BackInvalidation& tally) {
    const std::uint32_t g = m_wiring.granule_bytes;
    const std::uint32_t span = m_slc ? std::max(g, m_slc->line_bytes()) : g;
    Duration t = at + m_params.lookup_latency;
    ++m_stats.device_bisnps;
    for (Addr a = line - line % span; a < line - line % span + span; a += g) {
        SnoopFilter::Entry* e = m_sf.find(a / g);
        if (e == nullptr) continue;
        const SharerSet sharers = e->sharers;
        tally.copies += sharers.count();
        if (snoop_sharers(sharers, SharerSet::kMaxCpus, Snoop::Invalidate, a, t)) {
            ++tally.written_back;
            t = write_data(a, g, m_snoop_buf.data(), t);
        }
        m_sf.erase(a / g);
    }
    if (m_slc) {
        const cache::MaintenanceResult r = m_slc->maintain_line(cache::MaintenanceOp::CleanInvalidate, line, t);
        tally.copies += r.invalidated;
        tally.written_back += r.written_back;
        t = r.done;
    }
    return t;
}

std::uint32_t HomeAgentCore::unit_bytes() const {
    return m_slc ? std::max(m_slc->line_bytes(), m_wiring.granule_bytes) : m_wiring.granule_bytes;
}

void HomeAgentCore::cached_units(Addr start, Addr end, UnitList& units) {
    const std::uint32_t g = m_wiring.granule_bytes;
    const std::uint32_t u = unit_bytes();
    const std::uint64_t cached = m_sf.used() + (m_slc ? m_slc->valid_lines() : 0);
    units.reserve(units.size() + std::min<std::uint64_t>(cached, (end - start) / g + 2));
    m_sf.for_each_in(start / g, (end - 1) / g,
                     [&](std::uint64_t line) { units.push_back(line * g / u * u); });
    if (m_slc) m_slc->for_each_valid_in(start, end - start, [&](Addr a) { units.push_back(a / u * u); });
}

std::uint64_t HomeAgentCore::searchable_sets() const {
    return m_sf.sets() + (m_slc ? m_slc->sets() : 0);
}

// The walk visits the slice's sets and the snoop filter's together: a unit
// is reached at the fraction of the walk its slice set (or, without a slice,
// its snoop-filter set) stands at.
std::uint64_t HomeAgentCore::walk_position(Addr unit) const {
    if (m_slc) return m_slc->set_of(unit) * searchable_sets() / m_slc->sets();
    return m_sf.set_of(unit / m_wiring.granule_bytes) * searchable_sets() / m_sf.sets();
}

UnitWork HomeAgentCore::maintain_unit(Addr lo, Addr hi, const cache::Interest& interest, Duration visit,
                                      Duration writeback_not_before) {
    UnitWork w;
    cache::MaintenanceResult r;
    const std::uint32_t g = m_wiring.granule_bytes;
    Duration ready = visit;  // private copies snooped and their dirty data in the slice
    for (std::uint64_t line = lo / g; line * g < hi; ++line) {
        Duration snooped = visit;
        const bool dirty = drop_private(line, interest, r, snooped);
        ready = common::max(ready, snooped);
        if (!dirty) continue;
        if (m_slc) {
            ready = common::max(ready, write_data(line * g, g, m_snoop_buf.data(), snooped));
            continue;
        }
        const Duration post = common::max(snooped, writeback_not_before);
        w.landed = common::max(w.landed, write_data(line * g, g, m_snoop_buf.data(), post));
        w.posted = common::max(w.posted, post);
        w.to_memory = true;
    }
    w.busy = ready - visit;
    if (m_slc) {
        const Duration at = common::max(ready, writeback_not_before);
        const cache::MaintenanceResult s =
            m_slc->maintain_range(cache::MaintenanceOp::CleanInvalidate, lo, hi - lo, at, interest);
        r += s;
        if (s.written_back) {
            w.to_memory = true;
            w.posted = at;
            w.landed = s.done;
        }
    }
    w.written_back = r.written_back;
    w.invalidated = r.invalidated;
    w.collateral = r.collateral;
    return w;
}

bool HomeAgentCore::snoop_sharers(const SharerSet& sharers, std::uint32_t except, Snoop kind,
                                  Addr addr, Duration& delay) {
    bool dirty = false;
    bool sent = false;
    Duration slowest;
    sharers.for_each([&](std::uint32_t cpu) {
        if (cpu == except || cpu >= m_wiring.cpus.size()) return;
        coherence::SnoopTarget* t = m_wiring.cpus[cpu];
        ++m_stats.snoops_sent;
        sent = true;
        const coherence::SnoopResult res =
            t->snoop(kind, addr - addr % m_wiring.granule_bytes, m_wiring.granule_bytes,
                     dirty ? nullptr : m_snoop_buf.data());
        if (res.present) ++m_stats.snoops_hit;
        dirty = dirty || res.dirty;
        slowest = common::max(slowest, t->snoop_latency());
    });
    // Snoops go out in parallel: the request waits for the slowest.
    if (sent) delay += m_wiring.snoop_round_trip + slowest;
    return dirty;
}

// The snoop-filter entry for `line`; a capacity eviction back-invalidates
// the displaced line in every CPU that holds it.
SnoopFilter::Entry& HomeAgentCore::track(std::uint64_t line, Duration& delay) {
    std::optional<SnoopFilter::Entry> victim;
    SnoopFilter::Entry& e = m_sf.obtain(line, victim);
    if (victim) {
        ++m_stats.sf_evictions;
        m_stats.back_invalidations += victim->sharers.count();
        const Addr addr = victim->line * m_wiring.granule_bytes;
        if (snoop_sharers(victim->sharers, SharerSet::kMaxCpus, Snoop::Invalidate, addr, delay)) {
            write_data(addr, m_wiring.granule_bytes, m_snoop_buf.data(), delay);
        }
    }
    return e;
}

HomeAgentStats HomeAgentCore::stats() const {
    HomeAgentStats s = m_stats;
    s.sf_entries_used = m_sf.used();
    return s;
}

}  // namespace invalsim::home_agent
