#pragma once

#include <cstdint>

#include "models/common/types.h"

namespace invalsim::cache {

enum class ReplacementKind { Lru, TreePlru, Random };
enum class PrefetcherKind { None, NextLine, Stride };

struct CacheParams {
    // The model keeps every line's data and tag in host memory, so a size is
    // bounded by the host, not only by taste. The largest caches built hold
    // about a gigabyte (a whole 3D V-Cache L3), which no single cache here
    // may exceed.
    static constexpr std::uint64_t kMaxSizeBytes = 1ULL << 30;
    // Host bytes per line besides its data: tag, state, replacement stamp.
    static constexpr std::uint64_t kHostBytesPerLine = 8 + 1 + 8;

    std::uint64_t size_bytes = 32 * 1024;
    std::uint32_t ways = 8;
    std::uint32_t line_bytes = 64;
    std::uint32_t hit_latency_cycles = 2;
    ReplacementKind replacement = ReplacementKind::Lru;
    // Seed of the `random` policy; 0 derives it from the simulation seed and
    // the cache's path, so that every cache draws a different sequence.
    std::uint64_t replacement_seed = 0;
    // Inclusive of the levels above: evicting a line here first recalls it
    // from them. Non-inclusive levels evict without looking up.
    bool inclusive = true;
    PrefetcherKind prefetcher = PrefetcherKind::None;
    std::uint32_t prefetch_degree = 1;

    std::uint64_t sets() const { return size_bytes / (std::uint64_t{ways} * line_bytes); }
    std::uint64_t lines() const { return size_bytes / line_bytes; }
    // Host memory one instance occupies; for valid parameters.
    std::uint64_t host_bytes() const { return size_bytes + lines() * kHostBytesPerLine; }

    common::Violations validate() const;
};

}  // namespace invalsim::cache
