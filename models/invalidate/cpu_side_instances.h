#pragma once

#include <string>

#include "models/invalidate/framework_params.h"
#include "models/invalidate/machine.h"
#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

// x86 WBINVD on every CPU (wbinvd_on_all_cpus): an IPI to each CPU, which
// writes back and invalidates all of its caches and, with every other CPU,
// the shared caches (the timeline is wbinvd_core.h's). The range is
// ignored. Every CPU, the caller too, is stopped with interrupts off from
// the IPI to the end of the shared flush:
//   private(cpu) = its lines x wbinvd_per_line + the drain of its write-backs
//   shared       = max over slices of (lines x wbinvd_per_line + drain)
//   call         = ipi_latency + max over CPUs of private(cpu) + shared
class WbinvdInstance final : public OpsInstance {
public:
    WbinvdInstance(const FrameworkParams& params, Machine& machine);

    const std::string& name() const override { return m_name; }
    int wbinv(const MemRange& range, InstanceReport& report) override;
    bool has_done() const override { return false; }
    int done(InstanceReport&) override { return kOk; }

private:
    std::string m_name = "wbinvd";
    FrameworkParams m_p;
    Machine& m_machine;
};

// Arm DC CIVAC by virtual address, line by line over the range, from the
// calling CPU: clean+invalidate to the point of coherence reaches every CPU's
// private copy, but not the memory-side system-level cache, where stale
// lines survive. Time (interrupts on): lines in the range x va_per_line,
// plus the drain of the write-backs the closing barrier waits for.
class VaLoopInstance final : public OpsInstance {
public:
    VaLoopInstance(const FrameworkParams& params, Machine& machine);

    const std::string& name() const override { return m_name; }
    int wbinv(const MemRange& range, InstanceReport& report) override;
    bool has_done() const override { return false; }
    int done(InstanceReport&) override { return kOk; }

private:
    std::string m_name = "va-loop";
    FrameworkParams m_p;
    Machine& m_machine;
};

}  // namespace invalsim::invalidate
