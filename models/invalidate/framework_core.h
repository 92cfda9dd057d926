#pragma once

#include <string>
#include <vector>

#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

enum class Policy { Parallel, Sequential, SingleIrqOff };
const char* to_string(Policy p);

// The generic core of cpu_cache_invalidate_memregion(): the registry of
// operations instances and the order in which a policy calls them. Locking
// and time are the SystemC shell's business (framework.h).
//  parallel:      wbinv on every instance, then done on every instance (the
//                 upstream lib/cache_maint.c); the first error is returned,
//                 but every instance is still called.
//  sequential:    wbinv then done, one instance at a time.
//  single-irqoff: only the first registered instance, as the earlier design
//                 with one registered method.
class FrameworkCore {
public:
    void add(OpsInstance* inst);
    // False when it was not registered.
    bool remove(const std::string& name);
    bool has_invalidate() const { return !m_instances.empty(); }
    const std::vector<OpsInstance*>& instances() const { return m_instances; }

    // Runs the policy over the registered instances; one report per instance
    // called, in call order of their first operation.
    int invalidate(Policy policy, const MemRange& range, std::uint32_t caller,
                   std::vector<InstanceReport>& reports);

private:
    std::vector<OpsInstance*> m_instances;
};

}  // namespace invalsim::invalidate
