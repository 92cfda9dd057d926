#include "models/cache/cache_params.h"

#include <string>

namespace invalsim::cache {

common::Violations CacheParams::validate() const {
    using common::is_power_of_two;
    common::Violations v;
    if (!is_power_of_two(line_bytes) || line_bytes < 8 || line_bytes > 4096) {
        v.push_back({"line_size", "must be a power of two between 8 and 4096 bytes, got " +
                                      std::to_string(line_bytes)});
    }
    if (ways == 0 || ways > 64) {
        v.push_back({"ways", "must be between 1 and 64, got " + std::to_string(ways)});
    }
    if (replacement == ReplacementKind::TreePlru && ways != 0 && !is_power_of_two(ways)) {
        v.push_back({"ways", "tree-plru needs a power-of-two number of ways, got " +
                                 std::to_string(ways)});
    }
    if (prefetcher != PrefetcherKind::None && (prefetch_degree == 0 || prefetch_degree > 16)) {
        v.push_back({"prefetch_degree", "must be between 1 and 16, got " +
                                            std::to_string(prefetch_degree)});
    }
    if (!v.empty()) return v;  // size checks below divide by ways and line size
    const std::uint64_t way_bytes = std::uint64_t{ways} * line_bytes;
    if (size_bytes > kMaxSizeBytes) {
        v.push_back({"size", "must be at most 1GiB (the simulator holds every line's data in host "
                             "memory), got " + std::to_string(size_bytes) + " bytes"});
    } else if (size_bytes == 0 || size_bytes % way_bytes != 0) {
        v.push_back({"size", "must be a non-zero multiple of ways x line size (" +
                                 std::to_string(way_bytes) + " bytes), got " +
                                 std::to_string(size_bytes)});
    } else if (!is_power_of_two(sets())) {
        v.push_back({"size", "gives " + std::to_string(sets()) +
                                 " sets; the set count must be a power of two"});
    }
    return v;
}

}  // namespace invalsim::cache
