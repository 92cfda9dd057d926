#pragma once

#include <cstdint>

namespace invalsim::cache {

// Counters of one cache. Three kinds of traffic are kept apart so that a
// hit rate means what it says: demand accesses (the CPU's loads and stores
// at a first level; the demand misses of the levels above at a lower one),
// prefetch accesses (this level's own prefetcher and the prefetch fills of
// the levels above) and write-backs arriving from above. Hit rates are
// computed from demand accesses only.
struct CacheStats {
    std::uint64_t read_hits = 0;
    std::uint64_t read_misses = 0;
    std::uint64_t write_hits = 0;
    std::uint64_t write_misses = 0;   // includes upgrades (a write to a Shared line)
    std::uint64_t upgrades = 0;
    std::uint64_t prefetch_hits = 0;    // the line was already here: nothing fetched
    std::uint64_t prefetch_misses = 0;  // the line was fetched from below
    std::uint64_t prefetch_received = 0;  // prefetch accesses asked by the level above
    std::uint64_t prefetch_useful = 0;    // own prefetched lines later hit by a demand access
    std::uint64_t received_writeback_hits = 0;    // write-backs from above that found the line
    std::uint64_t received_writeback_misses = 0;  // ... and that allocated it
    std::uint64_t fills = 0;
    std::uint64_t evictions = 0;      // valid lines replaced to make room
    std::uint64_t writebacks = 0;     // dirty lines sent down (evictions and maintenance)
    std::uint64_t snoop_hits = 0;     // snoops and recalls that found the line here
    std::uint64_t snoop_misses = 0;   // ... and that did not
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
    std::uint64_t prefetches() const { return prefetch_hits + prefetch_misses; }
    std::uint64_t received_writebacks() const {
        return received_writeback_hits + received_writeback_misses;
    }
    std::uint64_t snoops() const { return snoop_hits + snoop_misses; }

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
        v("prefetches", prefetches());
        v("prefetch_hits", prefetch_hits);
        v("prefetch_misses", prefetch_misses);
        v("prefetch_received", prefetch_received);
        v("prefetch_useful", prefetch_useful);
        v("received_writebacks", received_writebacks());
        v("received_writeback_hits", received_writeback_hits);
        v("received_writeback_misses", received_writeback_misses);
        v("fills", fills);
        v("evictions", evictions);
        v("writebacks", writebacks);
        v("snoops", snoops());
        v("snoop_hits", snoop_hits);
        v("snoop_misses", snoop_misses);
        v("snoop_invalidations", snoop_invalidations);
        v("maint_examined", maint_examined);
        v("maint_cleaned", maint_cleaned);
        v("maint_invalidated", maint_invalidated);
    }
};

}  // namespace invalsim::cache
