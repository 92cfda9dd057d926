#include "models/invalidate/cpu_side_instances.h"

#include <systemc>

#include "models/common/sc_time_conv.h"

namespace invalsim::invalidate {

using cache::MaintenanceOp;
using cache::MaintenanceResult;
using common::Duration;

namespace {

Duration now() { return common::from_sc(sc_core::sc_time_stamp()); }

void add(InstanceReport& report, const MaintenanceResult& r) {
    report.written_back += r.written_back;
    report.invalidated += r.invalidated;
    report.collateral += r.collateral;
}

// Time a flush keeps its executor busy: the walk, or its last write-back.
Duration busy_time(const MaintenanceResult& r, Duration per_line, Duration at) {
    const Duration walk = per_line * r.examined;
    return common::max(walk, r.done > at ? r.done - at : Duration());
}

}  // namespace

WbinvdInstance::WbinvdInstance(const FrameworkParams& params, Machine& machine)
    : m_p(params), m_machine(machine) {}

int WbinvdInstance::wbinv(const MemRange& range, InstanceReport& report) {
    const Duration t0 = now();
    const Duration at = m_p.ipi_latency;  // the IPIs land; write-backs start then
    const cache::Interest interest{range.start, range.end()};
    Duration longest;
    for (std::uint32_t cpu = 0; cpu < m_machine.cpu_caches.size(); ++cpu) {
        MaintenanceResult r;
        r.done = at;
        for (cache::CacheCore* c : m_machine.cpu_caches[cpu]) {
            r += c->maintain_all(MaintenanceOp::CleanInvalidate, at, interest);
        }
        add(report, r);
        const Duration part = busy_time(r, m_p.wbinvd_per_line, at);
        longest = common::max(longest, part);
        if (cpu == report.caller) {
            report.caller_irq_off += part;
        } else {
            m_machine.cpus->stall(cpu, t0 + at, part, true);
        }
    }
    for (home_agent::HomeAgentCore* a : m_machine.agents) {
        const MaintenanceResult r = a->flush_slc(at, interest);
        add(report, r);
        longest = common::max(longest, busy_time(r, m_p.wbinvd_per_line, at));
    }
    report.engine_time = longest;
    sc_core::wait(common::to_sc(at + longest));
    report.wbinv_time = now() - t0;
    return kOk;
}

VaLoopInstance::VaLoopInstance(const FrameworkParams& params, Machine& machine)
    : m_p(params), m_machine(machine) {}

int VaLoopInstance::wbinv(const MemRange& range, InstanceReport& report) {
    if (range.len == 0) return kOk;  // a loop over nothing does nothing
    const Duration t0 = now();
    const std::uint32_t line = m_machine.cpu_caches.empty() || m_machine.cpu_caches[0].empty()
                                   ? 64
                                   : m_machine.cpu_caches[0][0]->line_bytes();
    const cache::Interest interest{range.start, range.end()};
    if (range.len >= ~0ULL - range.start) {
        // Everything: no VA loop covers all memory; the kernel would use
        // set/way operations, one per cache line of every level.
        std::uint64_t lines = 0;
        for (auto& caches : m_machine.cpu_caches) {
            for (cache::CacheCore* c : caches) {
                add(report, c->maintain_all(MaintenanceOp::CleanInvalidate, Duration(), interest));
                lines += c->entries();
            }
        }
        report.engine_time = m_p.va_per_line * lines;
    } else {
        const common::Addr first = range.start / line;
        const common::Addr last = (range.start + range.len - 1) / line;
        report.bytes_outside = (last - first + 1) * line - range.len;
        for (auto& caches : m_machine.cpu_caches) {
            for (cache::CacheCore* c : caches) {
                add(report, c->maintain_range(MaintenanceOp::CleanInvalidate, first * line,
                                              (last - first + 1) * line, Duration(), interest));
            }
        }
        report.engine_time = m_p.va_per_line * (last - first + 1);
    }
    sc_core::wait(common::to_sc(report.engine_time));
    report.wbinv_time = now() - t0;
    return kOk;
}

}  // namespace invalsim::invalidate
