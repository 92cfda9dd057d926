#pragma once

#include <cstdint>

#include "models/cache/cache_core.h"
#include "models/common/trace_sink.h"
#include "models/common/duration.h"
#include "models/home_agent/engine_params.h"

namespace invalsim::home_agent {

// What the engine maintains: the home agent's snoop-filtered private copies
// and its system-level cache slice.
class EngineTarget {
public:
    virtual ~EngineTarget() = default;
    // Writes back and invalidates every line homed here in [start, end),
    // write-backs posted from `at`.
    virtual cache::MaintenanceResult clean_invalidate(common::Addr start, common::Addr end,
                                                      const cache::Interest& interest,
                                                      common::Duration at) = 0;
    virtual std::uint64_t searchable_sets() const = 0;
};

// One maintenance operation as the engine ran it.
struct EngineOp {
    common::Addr start = 0;
    std::uint64_t len = 0;
    common::Duration started;
    common::Duration finished;
    EngineTiming timing;
    cache::MaintenanceResult result;
};

struct EngineStats {
    std::uint64_t operations = 0;
    std::uint64_t ignored_starts = 0;  // CTRL.EN written while busy
    common::Duration busy;
    std::uint64_t written_back = 0;
    std::uint64_t invalidated = 0;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("operations", operations);
        v("ignored_starts", ignored_starts);
        v("busy_ns", busy.as_ns());
        v("written_back", written_back);
        v("invalidated", invalidated);
    }
};

// The register block and engine of an HHA-like home agent. Writing CTRL with
// EN, RANGE and TYPE = clean+invalidate starts an operation on START/LEN
// (LEN holds length - 1); CTRL.EN reads 1 until it completes. The lines are
// maintained when the operation starts (write-backs posted from then on);
// the engine stays busy for
//   start_latency + max(search time, time for the last write-back to land).
class MaintenanceEngine {
public:
    MaintenanceEngine(const EngineParams& params, EngineTarget& target)
        : m_params(params), m_target(target) {}

    // `now` is absolute simulated time; `at` is the same instant as the
    // annotated delay of the access, for the write-backs' TLM timing.
    std::uint32_t read(std::uint32_t offset, common::Duration now) const;
    void write(std::uint32_t offset, std::uint32_t value, common::Duration now, common::Duration at);
    bool busy(common::Duration now) const { return now < m_busy_until; }

    // Instrumentation only (no hardware register): the range the caller
    // asked for, so collateral invalidations can be counted.
    void set_interest(const cache::Interest& i) { m_interest = i; }
    void set_trace(common::TraceSink* sink, std::string track) {
        m_trace = sink;
        m_track = std::move(track);
    }
    const EngineOp& last() const { return m_last; }
    const EngineStats& stats() const { return m_stats; }
    const EngineParams& params() const { return m_params; }

private:
    void start(common::Duration now, common::Duration at);

    EngineParams m_params;
    EngineTarget& m_target;
    std::uint32_t m_start_l = 0, m_start_h = 0, m_len_l = 0, m_len_h = 0;
    common::Duration m_busy_until;
    cache::Interest m_interest;
    EngineOp m_last;
    EngineStats m_stats;
    common::TraceSink* m_trace = nullptr;
    std::string m_track;
};

}  // namespace invalsim::home_agent
