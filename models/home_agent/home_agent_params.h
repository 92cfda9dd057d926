#pragma once

#include <cstdint>

#include "models/cache/cache_params.h"
#include "models/common/duration.h"
#include "models/common/types.h"
#include "models/home_agent/engine_params.h"

namespace invalsim::home_agent {

enum class InterleaveHash { None, Xor };

// A home agent's memory-side (system-level) cache slice.
struct SlcParams {
    std::uint64_t size_bytes = 0;  // 0: no system-level cache
    std::uint32_t ways = 16;
    std::uint32_t line_bytes = 64;
    common::Duration latency = common::Duration::ns(10);
    cache::ReplacementKind replacement = cache::ReplacementKind::Lru;

    bool enabled() const { return size_bytes != 0; }
    cache::CacheParams cache_params() const;
};

struct HomeAgentParams {
    // Every entry lives in host memory (64 bytes each); real filters track a
    // few million lines, so more than this per agent is a mistake.
    static constexpr std::uint64_t kMaxSnoopFilterEntries = 1ULL << 26;

    std::uint32_t count = 1;
    // Physical addresses are spread over the agents in chunks of this size.
    std::uint64_t interleave_bytes = 4096;
    InterleaveHash hash = InterleaveHash::Xor;
    // Snoop filter / directory lookup, paid by every request at the agent.
    common::Duration lookup_latency = common::Duration::ns(2);
    // Snoop filter entries per agent; 0 sizes it to twice the private
    // last-level lines it must track (the agent's share of all CPUs').
    std::uint64_t snoop_filter_entries = 0;
    std::uint32_t snoop_filter_ways = 16;
    SlcParams slc;
    EngineParams engine;
    // Maintenance register blocks: agent i at mmio_base + i x 4 KiB.
    std::uint64_t mmio_base = 0xfe'0000'0000ULL;
    // Register access inside the agent, paid by every MMIO read or write.
    common::Duration mmio_latency = common::Duration::ns(50);

    // Field names of violations are relative paths ("slc/ways").
    common::Violations validate() const;
};

}  // namespace invalsim::home_agent
