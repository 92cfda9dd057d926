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
    if (writebacks_in_flight == 0 || writebacks_in_flight > 4096) {
        v.push_back({"writebacks_in_flight", "must be between 1 and 4096, got " +
                                                 std::to_string(writebacks_in_flight)});
    }
    return v;
}

common::Duration search_steps(const EngineParams& p, std::uint64_t items, common::Duration per) {
    const std::uint64_t steps = items / p.parallelism + (items % p.parallelism != 0);
    if (per.as_ps() != 0 && steps > common::Duration::max().as_ps() / per.as_ps()) {
        return common::Duration::max();
    }
    return per * steps;
}

EngineTiming engine_search_time(const EngineParams& p, std::uint64_t granules, std::uint64_t sets) {
    EngineTiming t;
    t.range = search_steps(p, granules, p.per_granule);
    t.walk = search_steps(p, sets, p.per_set);
    t.walked = p.mode == EngineMode::Walk || (p.mode == EngineMode::Auto && t.walk < t.range);
    t.search = t.walked ? t.walk : t.range;
    return t;
}

}  // namespace invalsim::home_agent
