#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "models/cache/cache_core.h"
#include "models/common/duration.h"
#include "models/common/trace_sink.h"
#include "models/home_agent/engine_params.h"
#include "models/home_agent/engine_run.h"
#include "models/home_agent/engine_target.h"

namespace invalsim::home_agent {

// One maintenance operation, as far as the engine has got with it.
struct EngineOp {
    common::Addr start = 0;
    std::uint64_t len = 0;
    common::Duration started;
    common::Duration finished;  // valid once `complete`
    bool complete = false;
    EngineTiming timing;
    common::Duration stall;  // snoops and write-back slot waits added to the search
    cache::MaintenanceResult result;  // so far; `examined` counts units maintained
};

struct EngineStats {
    std::uint64_t operations = 0;
    std::uint64_t ignored_starts = 0;  // CTRL.EN written while busy
    common::Duration busy;
    common::Duration stall;
    std::uint64_t written_back = 0;
    std::uint64_t invalidated = 0;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("operations", operations);
        v("ignored_starts", ignored_starts);
        v("busy_ns", busy.as_ns());
        v("stall_ns", stall.as_ns());
        v("written_back", written_back);
        v("invalidated", invalidated);
    }
};

// The register block and engine of an HHA-like home agent. Writing CTRL with
// EN, RANGE and TYPE = clean+invalidate starts an operation on START/LEN
// (LEN holds length - 1); CTRL.EN reads 1 until it completes. The work is
// done progressively (EngineRun): whoever drives simulated time calls
// advance(), and every access to the agent does too, so a line the search
// has not reached yet is still cached, and one cached behind it survives.
// The operation completes, and is counted in the statistics, once every
// unit is maintained and time has reached its end.
class MaintenanceEngine {
public:
    MaintenanceEngine(const EngineParams& params, EngineTarget& target)
        : m_params(params), m_target(target) {}

    // `now` is absolute simulated time; `kernel` is the time the access's
    // annotated delay counts from, the base for the write-backs' timing.
    std::uint32_t read(std::uint32_t offset, common::Duration now, common::Duration kernel);
    void write(std::uint32_t offset, std::uint32_t value, common::Duration now, common::Duration kernel);
    // Does the work due by `until`.
    void advance(common::Duration until, common::Duration kernel);
    // When work is next due (the next unit, or the end of the operation);
    // Duration::max() when the engine is idle.
    common::Duration next_due() const;
    bool running() const { return m_run != nullptr; }
    // A copy of `addr` was cached at `now`; the engine may still reach it.
    void note_cached(common::Addr addr, common::Duration now) {
        if (m_run) m_run->note_cached(addr, now);
    }
    // After advance(now): whether CTRL.EN reads 1.
    bool busy(common::Duration now) const { return m_run != nullptr || now < m_busy_until; }

    // Instrumentation only (no hardware register): the range the caller
    // asked for, so collateral invalidations can be counted.
    void set_interest(const cache::Interest& i) { m_interest = i; }
    void set_trace(common::TraceSink* sink, std::string track) {
        m_trace = sink;
        m_track = std::move(track);
    }
    // The current operation, or the last one.
    const EngineOp& op() const { return m_op; }
    const EngineStats& stats() const { return m_stats; }
    const EngineParams& params() const { return m_params; }

private:
    void start(common::Duration now, common::Duration kernel);
    void complete();

    EngineParams m_params;
    EngineTarget& m_target;
    std::uint32_t m_start_l = 0, m_start_h = 0, m_len_l = 0, m_len_h = 0;
    common::Duration m_busy_until;
    cache::Interest m_interest;
    std::unique_ptr<EngineRun> m_run;
    EngineOp m_op;
    EngineStats m_stats;
    common::TraceSink* m_trace = nullptr;
    std::string m_track;
};

}  // namespace invalsim::home_agent
