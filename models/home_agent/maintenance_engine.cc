#include "models/home_agent/maintenance_engine.h"

#include "models/home_agent/hha_registers.h"

#include <string>

namespace invalsim::home_agent {

using common::Duration;

std::uint32_t MaintenanceEngine::read(std::uint32_t offset, Duration now, Duration kernel) {
    switch (offset) {
        case hha::kCtrl:
            advance(now, kernel);
            return busy(now) ? hha::kCtrlEn : 0;
        case hha::kStartL: return m_start_l;
        case hha::kStartH: return m_start_h;
        case hha::kLenL: return m_len_l;
        case hha::kLenH: return m_len_h;
    }
    return 0;
}

void MaintenanceEngine::write(std::uint32_t offset, std::uint32_t value, Duration now, Duration kernel) {
    switch (offset) {
        case hha::kStartL: m_start_l = value; break;
        case hha::kStartH: m_start_h = value; break;
        case hha::kLenL: m_len_l = value; break;
        case hha::kLenH: m_len_h = value; break;
        case hha::kCtrl: {
            const std::uint32_t type = (value & hha::kCtrlTypeMask) >> hha::kCtrlTypeShift;
            if ((value & hha::kCtrlEn) && (value & hha::kCtrlRange) && type == hha::kTypeCleanInvalidate) {
                advance(now, kernel);
                if (busy(now)) {
                    ++m_stats.ignored_starts;
                } else {
                    start(now, kernel);
                }
            }
            break;
        }
    }
}

void MaintenanceEngine::start(Duration now, Duration kernel) {
    m_op = EngineOp{};
    m_op.start = (std::uint64_t{m_start_h} << 32) | m_start_l;
    m_op.len = ((std::uint64_t{m_len_h} << 32) | m_len_l) + 1;
    m_op.started = now;
    const std::uint64_t g = m_params.granule_bytes;
    const std::uint64_t granules = m_op.len / g + (m_op.len % g != 0);
    m_op.timing = engine_search_time(m_params, granules, m_target.searchable_sets());
    EngineRun::Setup s;
    s.start = m_op.start;
    s.end = m_op.len > ~0ULL - m_op.start ? ~0ULL : m_op.start + m_op.len;
    s.walked = m_op.timing.walked;
    s.begin = now + m_params.start_latency;
    s.search = m_op.timing.search;
    s.interest = m_interest;
    m_run = std::make_unique<EngineRun>(m_params, m_target, s);
    advance(now, kernel);
}

Duration MaintenanceEngine::next_due() const {
    if (!m_run) return Duration::max();
    return m_run->pending() ? m_run->next_due() : m_run->finish();
}

void MaintenanceEngine::advance(Duration until, Duration kernel) {
    if (!m_run) return;
    m_run->advance(until, kernel);
    m_op.result = m_run->result();
    m_op.stall = m_run->stall();
    if (!m_run->pending() && until >= m_run->finish()) complete();
}

// Every unit is maintained and `until` has reached the end, which stays the
// end for CTRL.EN even when `until` ran past it.
void MaintenanceEngine::complete() {
    m_op.finished = m_run->finish();
    m_op.complete = true;
    m_run.reset();
    m_busy_until = m_op.finished;
    ++m_stats.operations;
    m_stats.busy += m_op.finished - m_op.started;
    m_stats.stall += m_op.stall;
    m_stats.written_back += m_op.result.written_back;
    m_stats.invalidated += m_op.result.invalidated;
    if (m_trace) {
        m_trace->span(m_track, m_op.timing.walked ? "engine busy (walk)" : "engine busy (range)", m_op.started,
                      m_op.finished,
                      std::to_string(m_op.len) + " bytes, " + std::to_string(m_op.result.written_back) +
                          " written back, " + std::to_string(m_op.result.invalidated) + " invalidated");
    }
}

}  // namespace invalsim::home_agent
