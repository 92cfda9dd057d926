#pragma once

#include <cstdint>
#include <vector>

#include "models/cache/cache_core.h"
#include "models/home_agent/home_agent_core.h"
#include "models/invalidate/port.h"

namespace invalsim::invalidate {

// What the invalidate mechanisms act on, handed over by the builder.
struct Machine {
    std::vector<std::vector<cache::CacheCore*>> cpu_caches;  // per CPU, upper levels first
    std::vector<home_agent::HomeAgentCore*> agents;
    CpuControl* cpus = nullptr;
};

}  // namespace invalsim::invalidate
