#include "models/home_agent/home_agent_params.h"

#include <string>

namespace invalsim::home_agent {

cache::CacheParams SlcParams::cache_params() const {
    cache::CacheParams p;
    p.size_bytes = size_bytes;
    p.ways = ways;
    p.line_bytes = line_bytes;
    p.replacement = replacement;
    p.inclusive = false;
    return p;
}

common::Violations HomeAgentParams::validate() const {
    common::Violations v;
    if (count == 0 || count > 64) {
        v.push_back({"count", "must be between 1 and 64, got " + std::to_string(count)});
    }
    if (!common::is_power_of_two(interleave_bytes) || interleave_bytes < 64) {
        v.push_back({"interleave", "must be a power of two of at least 64 bytes, got " +
                                       std::to_string(interleave_bytes)});
    }
    if (snoop_filter_ways == 0 || snoop_filter_ways > 64) {
        v.push_back({"snoop_filter_ways", "must be between 1 and 64"});
    } else if (snoop_filter_entries > kMaxSnoopFilterEntries) {
        v.push_back({"snoop_filter_entries", "must be at most " + std::to_string(kMaxSnoopFilterEntries) +
                                                 " (64Mi entries, held in host memory), got " +
                                                 std::to_string(snoop_filter_entries)});
    } else if (snoop_filter_entries != 0 &&
               (snoop_filter_entries % snoop_filter_ways != 0 ||
                !common::is_power_of_two(snoop_filter_entries / snoop_filter_ways))) {
        v.push_back({"snoop_filter_entries",
                     "must be 0 (automatic) or ways x a power-of-two number of sets, got " +
                         std::to_string(snoop_filter_entries)});
    }
    for (auto& x : engine.validate()) v.push_back({"engine/" + x.field, x.message});
    if (mmio_base % 4096 != 0) v.push_back({"mmio_base", "must be 4 KiB aligned"});
    if (slc.enabled()) {
        for (auto& x : slc.cache_params().validate()) v.push_back({"slc/" + x.field, x.message});
    }
    return v;
}

}  // namespace invalsim::home_agent
