#pragma once

#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

// The time, for policies recording when each operation ran.
class Clock {
public:
    virtual ~Clock() = default;
    virtual common::Duration now() const = 0;
};

// How cpu_cache_invalidate_memregion() drives the registered operations
// instances, and which lock it holds meanwhile. Chosen by name in the config
// (`invalidate.policy`).
class CallPolicy {
public:
    virtual ~CallPolicy() = default;
    virtual const char* name() const = 0;
    // True: a spinlock taken with interrupts off, held (and interrupts kept
    // off) for the whole call, the spinning included. False: the read side
    // of the registration lock; interrupts stay on.
    virtual bool spinlock_irqs_off() const { return false; }
    // Drives `instances` (at least one), filling one report per instance in
    // registration order; returns the call's return code.
    virtual int run(const std::vector<OpsInstance*>& instances, const MemRange& range, const Clock& clock,
                    std::vector<InstanceReport>& reports) const = 0;
};

// Every policy, and the one of a name (nullptr if none).
const std::vector<const CallPolicy*>& call_policies();
const CallPolicy* find_call_policy(const std::string& name);
// `parallel`, the upstream design.
const CallPolicy& default_call_policy();

}  // namespace invalsim::invalidate
