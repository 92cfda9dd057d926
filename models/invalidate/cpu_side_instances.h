#pragma once

#include <string>

#include "models/invalidate/framework_params.h"
#include "models/invalidate/machine.h"
#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

// x86 WBINVD on every CPU (wbinvd_on_all_cpus): an IPI to each CPU, which
// writes back and invalidates all of its caches, while the shared caches are
// written back and invalidated slice by slice. The range is ignored. Every
// CPU stalls, interrupts off, for its own part; the caller waits for all.
//   part(cpu)   = lines examined x wbinvd_per_line, or the time its last
//                 write-back lands if later
//   part(slice) = the same for the slice
//   call        = ipi_latency + the longest part
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
// lines survive. Time: lines in the range x va_per_line (interrupts on).
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
