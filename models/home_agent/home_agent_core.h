#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "models/cache/cache_core.h"
#include "models/coherence/request.h"
#include "models/coherence/snoop.h"
#include "models/home_agent/home_agent_params.h"
#include "models/home_agent/home_agent_stats.h"
#include "models/home_agent/engine_target.h"
#include "models/home_agent/maintenance_engine.h"
#include "models/home_agent/snoop_filter.h"

namespace invalsim::home_agent {

// What the back-invalidate snoops (CXL 3.x HDM-DB BISnp) of a device did to
// the host's caches.
struct BackInvalidation {
    std::uint64_t copies = 0;        // cached copies dropped (private and SLC)
    std::uint64_t written_back = 0;  // dirty copies written to the device first
};

// The point of coherence for the lines it homes: keeps the CPUs' private
// copies coherent through its snoop filter (MESI), and fronts the memory
// with its system-level cache slice. Memory devices behind it are not
// coherent with any of this: a change inside a device is seen by nobody
// until the caches are maintained.
class HomeAgentCore : private EngineTarget {
public:
    struct Wiring {
        std::vector<coherence::SnoopTarget*> cpus;  // index = CPU number
        common::Duration snoop_round_trip;          // agent to a CPU and back
        std::uint32_t granule_bytes = 64;           // coherence granule (private line size)
        std::uint64_t snoop_filter_entries = 0;     // resolved size
        std::uint64_t slc_seed = 1;
    };

    HomeAgentCore(const HomeAgentParams& params, Wiring wiring, cache::LinePort& memory);

    void handle(coherence::LineRequest& r, common::Duration& delay);
    // Replaces the way to memory (the fabric fast path).
    void set_memory(cache::LinePort& port) { m_memory.set_port(port); }

    MaintenanceEngine& engine() { return m_engine; }
    const MaintenanceEngine& engine() const { return m_engine; }
    // Device-initiated back-invalidation (CXL HDM-DB). The lines (coherence
    // granules, ascending) in [start, end) that `owned` accepts (the device's
    // own lines of an interleaved range) and that some cache here holds: the
    // ones the device's tracker would snoop.
    std::vector<common::Addr> back_invalidate_lines(common::Addr start, common::Addr end,
                                                    const std::function<bool(common::Addr)>& owned) const;
    // One snoop arriving at `at` (an annotated delay): every copy of the line
    // goes, private ones first, dirty data written back to the device before
    // the answer. Returns when the answer can leave.
    common::Duration back_invalidate_line(common::Addr line, common::Duration at, BackInvalidation& tally);

    cache::CacheCore* slc() { return m_slc.get(); }
    const cache::CacheCore* slc() const { return m_slc.get(); }
    SnoopFilter& snoop_filter() { return m_sf; }
    HomeAgentStats stats() const;

private:
    // Counts the agent's and its SLC's traffic to memory.
    class MemoryPort : public cache::LinePort {
    public:
        MemoryPort(cache::LinePort& port, HomeAgentStats& stats) : m_port(&port), m_stats(stats) {}
        void request(coherence::LineRequest& r, common::Duration& delay) override;
        void set_port(cache::LinePort& port) { m_port = &port; }

    private:
        cache::LinePort* m_port;
        HomeAgentStats& m_stats;
    };

    void read_shared(coherence::LineRequest& r, common::Duration& delay);
    void read_unique(coherence::LineRequest& r, common::Duration& delay);
    void upgrade(coherence::LineRequest& r, common::Duration& delay);
    void write_back(coherence::LineRequest& r, common::Duration& delay);
    void read_once(coherence::LineRequest& r, common::Duration& delay);
    void write_unique(coherence::LineRequest& r, common::Duration& delay);

    // The engine's target, one unit at a time (engine_target.h).
    std::uint32_t unit_bytes() const override;
    void cached_units(common::Addr start, common::Addr end, UnitList& units) override;
    std::uint64_t searchable_sets() const override;
    std::uint64_t walk_position(common::Addr unit) const override;
    UnitWork maintain_unit(common::Addr lo, common::Addr hi, const cache::Interest& interest,
                           common::Duration visit, common::Duration writeback_not_before) override;
    // Snoop-invalidates the private copies of one coherence line; dirty data
    // is left in m_snoop_buf. Returns whether it was dirty; `at` grows by the
    // snoop round trip.
    bool drop_private(std::uint64_t line, const cache::Interest& interest, cache::MaintenanceResult& r,
                      common::Duration& at);

    void read_data(coherence::LineRequest& r, common::Duration& delay);
    // Posted: returns when the write completes, `delay` itself is unchanged.
    common::Duration write_data(common::Addr addr, std::uint32_t bytes, std::uint8_t* data,
                                common::Duration delay);
    // Snoops every sharer except `except`; dirty data lands in m_snoop_buf.
    bool snoop_sharers(const SharerSet& sharers, std::uint32_t except, coherence::Snoop kind,
                       common::Addr addr, common::Duration& delay);
    SnoopFilter::Entry& track(std::uint64_t line, common::Duration& delay);

    HomeAgentParams m_params;
    Wiring m_wiring;
    HomeAgentStats m_stats;
    MemoryPort m_memory;
    SnoopFilter m_sf;
    std::unique_ptr<cache::CacheCore> m_slc;
    std::vector<std::uint8_t> m_snoop_buf;
    MaintenanceEngine m_engine;
};

}  // namespace invalsim::home_agent
