#include "models/home_agent/engine_params.h"

#include <string>

namespace invalsim::home_agent {

common::Violations EngineParams::validate() const {
    common::Violations v;
    if (!common::is_power_of_two(granule_bytes) || granule_bytes < 64 || granule_bytes > 4096) {
        v.push_back({"granule", "must be a power of two between 64 and 4096 bytes, got " +
                                    std::to_string(granule_bytes)});
    }
    if (parallelism == 0 || parallelism > 1024) {
        v.push_back({"parallelism", "must be between 1 and 1024"});
    }
    return v;
}

EngineTiming engine_search_time(const EngineParams& p, std::uint64_t granules, std::uint64_t sets) {
    auto steps = [&p](std::uint64_t n) { return (n + p.parallelism - 1) / p.parallelism; };
    EngineTiming t;
    t.range = p.per_granule * steps(granules);
    t.walk = p.per_set * steps(sets);
    t.walked = p.mode == EngineMode::Walk || (p.mode == EngineMode::Auto && t.walk < t.range);
    t.search = t.walked ? t.walk : t.range;
    return t;
}

}  // namespace invalsim::home_agent
