#pragma once

#include <cstdint>

namespace invalsim::cache {

struct CacheStats {
    std::uint64_t read_hits = 0;
    std::uint64_t read_misses = 0;
    std::uint64_t write_hits = 0;
    std::uint64_t write_misses = 0;   // includes upgrades (a write to a Shared line)
    std::uint64_t upgrades = 0;
    std::uint64_t fills = 0;
    std::uint64_t evictions = 0;      // valid lines replaced to make room
    std::uint64_t writebacks = 0;     // dirty lines sent down (evictions and maintenance)
    std::uint64_t prefetches = 0;     // lines fetched by the prefetcher
    std::uint64_t prefetch_hits = 0;  // first demand hits on prefetched lines
    std::uint64_t snoops = 0;         // snoops and recalls that found the line here
    std::uint64_t snoop_invalidations = 0;
    std::uint64_t maint_examined = 0;  // lines looked at by maintenance operations
    std::uint64_t maint_cleaned = 0;   // dirty lines written back by maintenance
    std::uint64_t maint_invalidated = 0;

    std::uint64_t hits() const { return read_hits + write_hits; }
    std::uint64_t misses() const { return read_misses + write_misses; }
    std::uint64_t accesses() const { return hits() + misses(); }
    double hit_rate() const {
        return accesses() ? static_cast<double>(hits()) / static_cast<double>(accesses()) : 0.0;
    }

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("accesses", accesses());
        v("hits", hits());
        v("misses", misses());
        v("hit_rate", hit_rate());
        v("read_hits", read_hits);
        v("read_misses", read_misses);
        v("write_hits", write_hits);
        v("write_misses", write_misses);
        v("upgrades", upgrades);
        v("fills", fills);
        v("evictions", evictions);
        v("writebacks", writebacks);
        v("prefetches", prefetches);
        v("prefetch_hits", prefetch_hits);
        v("snoops", snoops);
        v("snoop_invalidations", snoop_invalidations);
        v("maint_examined", maint_examined);
        v("maint_cleaned", maint_cleaned);
        v("maint_invalidated", maint_invalidated);
    }
};

}  // namespace invalsim::cache
