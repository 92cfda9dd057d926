#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "models/cache/cache_params.h"
#include "models/cache/cache_stats.h"
#include "models/cache/line_port.h"
#include "models/cache/replacement.h"
#include "models/cache/tag_array.h"
#include "models/common/duration.h"

namespace invalsim::cache {

enum class MaintenanceOp { Clean, Invalidate, CleanInvalidate };

struct MaintenanceResult {
    std::uint64_t examined = 0;     // tag lookups or tag-array entries visited
    std::uint64_t written_back = 0;
    std::uint64_t invalidated = 0;
    MaintenanceResult& operator+=(const MaintenanceResult& o) {
        examined += o.examined;
        written_back += o.written_back;
        invalidated += o.invalidated;
        return *this;
    }
};

// A write-back, write-allocate set-associative cache holding real data.
// Accesses must not cross a line of this cache; the CPU splits them.
class CacheCore {
public:
    CacheCore(const CacheParams& params, common::Duration hit_latency, LinePort& below,
              std::uint64_t replacement_seed);

    // Both return true on a hit and add the access time to `delay`.
    bool read(common::Addr addr, std::uint8_t* out, std::uint32_t len, common::Duration& delay);
    bool write(common::Addr addr, const std::uint8_t* in, std::uint32_t len,
               common::Duration& delay);

    // Maintenance. The range form costs min(lines in range, lines in cache)
    // lookups, never the size of the range itself.
    MaintenanceResult maintain_line(MaintenanceOp op, common::Addr addr, common::Duration& delay);
    MaintenanceResult maintain_range(MaintenanceOp op, common::Addr start, std::uint64_t len,
                                     common::Duration& delay);
    MaintenanceResult maintain_all(MaintenanceOp op, common::Duration& delay);

    // Inspection without side effects (tests, checkers).
    LineState probe(common::Addr addr) const;
    std::uint32_t line_bytes() const { return m_tags.line_bytes(); }
    std::uint64_t valid_lines() const { return m_tags.valid_lines(); }
    const CacheStats& stats() const { return m_stats; }

private:
    // Returns the way now holding `line`, filled from below unless the
    // caller will overwrite the whole line.
    std::uint32_t allocate(std::uint64_t line, bool fetch, common::Duration& delay);
    void evict(std::uint64_t set, std::uint32_t way, common::Duration& delay);
    void maintain_way(MaintenanceOp op, std::uint64_t set, std::uint32_t way,
                      MaintenanceResult& r, common::Duration& delay);
    void write_back(std::uint64_t set, std::uint32_t way, common::Duration& delay);

    TagArray m_tags;
    std::unique_ptr<ReplacementPolicy> m_repl;
    common::Duration m_hit_latency;
    LinePort& m_below;
    CacheStats m_stats;
};

}  // namespace invalsim::cache
