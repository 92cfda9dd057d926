#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "models/cache/cache_params.h"
#include "models/common/types.h"

namespace invalsim::cache {

// Line addresses a prefetcher wants fetched; at most 16 (the degree limit).
struct PrefetchList {
    std::array<common::Addr, 16> addr{};
    std::uint32_t count = 0;
    void push(common::Addr a) {
        if (count < addr.size()) addr[count++] = a;
    }
};

// Prefetchers never cross a 4 KiB page: beyond it the physical address of
// the next virtual page is unknown, and the range may be unmapped.
class Prefetcher {
public:
    static constexpr std::uint64_t kPageBytes = 4096;
    virtual ~Prefetcher() = default;
    // Called on every demand access (line-aligned address).
    virtual void on_access(common::Addr line_addr, bool miss, PrefetchList& out) = 0;
};

// On a miss, the next `degree` lines.
class NextLinePrefetcher final : public Prefetcher {
public:
    NextLinePrefetcher(std::uint32_t degree, std::uint32_t line_bytes);
    void on_access(common::Addr line_addr, bool miss, PrefetchList& out) override;

private:
    std::uint32_t m_degree;
    std::uint32_t m_line_bytes;
};

// A reference-prediction table per 4 KiB page (there are no program counters
// in the model): after the same non-zero stride is seen twice in a page,
// fetches `degree` lines ahead along it.
class StridePrefetcher final : public Prefetcher {
public:
    StridePrefetcher(std::uint32_t degree, std::uint32_t line_bytes, std::uint32_t entries = 64);
    void on_access(common::Addr line_addr, bool miss, PrefetchList& out) override;

private:
    struct Entry {
        std::uint64_t page = ~0ULL;
        std::int64_t last_line = 0;
        std::int64_t stride = 0;
        std::uint32_t confidence = 0;
    };
    std::uint32_t m_degree;
    std::uint32_t m_line_bytes;
    std::vector<Entry> m_table;
};

std::unique_ptr<Prefetcher> make_prefetcher(PrefetcherKind kind, std::uint32_t degree,
                                            std::uint32_t line_bytes);

}  // namespace invalsim::cache
