#include "models/invalidate/cpu_side_instances.h"

#include <systemc>

#include "models/common/sc_time_conv.h"
#include "models/invalidate/wbinvd_core.h"

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

}  // namespace

WbinvdInstance::WbinvdInstance(const FrameworkParams& params, Machine& machine)
    : m_p(params), m_machine(machine) {}

int WbinvdInstance::wbinv(const MemRange& range, InstanceReport& report) {
    const Duration t0 = now();
    const WbinvdTimeline t =
        run_wbinvd(m_machine, m_p.ipi_latency, m_p.wbinvd_per_line, {range.start, range.end()});
    add(report, t.totals);
    report.engine_time = t.end - t.land;
    report.caller_irq_off.push_back({t0 + t.land, t0 + t.end});
    for (std::uint32_t cpu = 0; cpu < m_machine.cpu_caches.size(); ++cpu) {
        if (cpu != report.caller) m_machine.cpus->stall(cpu, t0 + t.land, t.end - t.land, true);
    }
    sc_core::wait(common::to_sc(t.end));
    return kOk;
}

VaLoopInstance::VaLoopInstance(const FrameworkParams& params, Machine& machine)
    : m_p(params), m_machine(machine) {}

int VaLoopInstance::wbinv(const MemRange& range, InstanceReport& report) {
    if (range.len == 0) return kOk;  // a loop over nothing does nothing
    const std::uint32_t line = m_machine.cpu_caches.empty() || m_machine.cpu_caches[0].empty()
                                   ? 64
                                   : m_machine.cpu_caches[0][0]->line_bytes();
    const cache::Interest interest{range.start, range.end()};
    MaintenanceResult r;
    Duration done;
    if (range.len >= ~0ULL - range.start) {
        // Everything: no VA loop covers all memory; the kernel would use
        // set/way operations, one per cache line of every level, one CPU's
        // caches after the other's.
        for (auto& caches : m_machine.cpu_caches) {
            done = walk_then_drain(caches, done, m_p.va_per_line, interest, r);
        }
    } else {
        const common::Addr first = range.start / line;
        const common::Addr last = (range.start + range.len - 1) / line;
        report.bytes_outside = (last - first + 1) * line - range.len;
        // The write-backs leave as the loop starts (a loop over a large range
        // lasts seconds: they are not placed that far ahead), and the
        // barrier after the loop waits for them: their drain adds to it.
        for (auto& caches : m_machine.cpu_caches) {
            for (cache::CacheCore* c : caches) {
                r += c->maintain_range(MaintenanceOp::CleanInvalidate, first * line, (last - first + 1) * line,
                                       Duration(), interest);
            }
        }
        done = m_p.va_per_line * (last - first + 1) + r.done;
    }
    add(report, r);
    report.engine_time = done;
    sc_core::wait(common::to_sc(done));
    return kOk;
}

}  // namespace invalsim::invalidate
