#pragma once

#include <string>
#include <vector>

#include "models/invalidate/call_policy.h"
#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

// The generic core of cpu_cache_invalidate_memregion(): the registry of
// operations instances, handed to a policy (call_policy.h) for each call.
// Locking and the passing of time are the SystemC shell's business
// (framework.h).
class FrameworkCore {
public:
    void add(OpsInstance* inst);
    // False when it was not registered.
    bool remove(const std::string& name);
    bool has_invalidate() const { return !m_instances.empty(); }
    const std::vector<OpsInstance*>& instances() const { return m_instances; }

    // -EOPNOTSUPP with no instance registered; otherwise what the policy
    // returns, with one report per instance in registration order.
    int invalidate(const CallPolicy& policy, const MemRange& range, std::uint32_t caller, const Clock& clock,
                   std::vector<InstanceReport>& reports) const;

private:
    std::vector<OpsInstance*> m_instances;
};

}  // namespace invalsim::invalidate
