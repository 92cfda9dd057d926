#include "models/home_agent/maintenance_engine.h"

#include "models/home_agent/hha_registers.h"

#include <string>

namespace invalsim::home_agent {

using common::Duration;

std::uint32_t MaintenanceEngine::read(std::uint32_t offset, Duration now) const {
    switch (offset) {
        case hha::kCtrl: return busy(now) ? hha::kCtrlEn : 0;
        case hha::kStartL: return m_start_l;
        case hha::kStartH: return m_start_h;
        case hha::kLenL: return m_len_l;
        case hha::kLenH: return m_len_h;
    }
    return 0;
}

void MaintenanceEngine::write(std::uint32_t offset, std::uint32_t value, Duration now, Duration at) {
    switch (offset) {
        case hha::kStartL: m_start_l = value; break;
        case hha::kStartH: m_start_h = value; break;
        case hha::kLenL: m_len_l = value; break;
        case hha::kLenH: m_len_h = value; break;
        case hha::kCtrl: {
            const std::uint32_t type = (value & hha::kCtrlTypeMask) >> hha::kCtrlTypeShift;
            if ((value & hha::kCtrlEn) && (value & hha::kCtrlRange) && type == hha::kTypeCleanInvalidate) {
                if (busy(now)) {
                    ++m_stats.ignored_starts;
                } else {
                    start(now, at);
                }
            }
            break;
        }
    }
}

void MaintenanceEngine::start(Duration now, Duration at) {
    EngineOp op;
    op.start = (std::uint64_t{m_start_h} << 32) | m_start_l;
    op.len = ((std::uint64_t{m_len_h} << 32) | m_len_l) + 1;
    op.started = now;
    const std::uint64_t granules = (op.len + m_params.granule_bytes - 1) / m_params.granule_bytes;
    op.timing = engine_search_time(m_params, granules, m_target.searchable_sets());
    const common::Addr end = op.start + op.len;
    op.result = m_target.clean_invalidate(op.start, end < op.start ? ~0ULL : end, m_interest, at);
    const Duration writebacks = op.result.done > at ? op.result.done - at : Duration();
    op.finished = now + m_params.start_latency + common::max(op.timing.search, writebacks);
    m_busy_until = op.finished;
    ++m_stats.operations;
    m_stats.busy += op.finished - op.started;
    m_stats.written_back += op.result.written_back;
    m_stats.invalidated += op.result.invalidated;
    if (m_trace) {
        m_trace->span(m_track, op.timing.walked ? "engine busy (walk)" : "engine busy (range)", op.started,
                      op.finished,
                      std::to_string(op.len) + " bytes, " + std::to_string(op.result.written_back) +
                          " written back, " + std::to_string(op.result.invalidated) + " invalidated");
    }
    m_last = op;
}

}  // namespace invalsim::home_agent
