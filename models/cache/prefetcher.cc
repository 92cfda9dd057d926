#include "models/cache/prefetcher.h"

namespace invalsim::cache {

using common::Addr;

NextLinePrefetcher::NextLinePrefetcher(std::uint32_t degree, std::uint32_t line_bytes)
    : m_degree(degree), m_line_bytes(line_bytes) {}

void NextLinePrefetcher::on_access(Addr line_addr, bool miss, PrefetchList& out) {
    if (!miss) return;
    const Addr page = line_addr / kPageBytes;
    for (std::uint32_t k = 1; k <= m_degree; ++k) {
        const Addr a = line_addr + Addr{k} * m_line_bytes;
        if (a / kPageBytes != page) break;
        out.push(a);
    }
}

StridePrefetcher::StridePrefetcher(std::uint32_t degree, std::uint32_t line_bytes,
                                   std::uint32_t entries)
    : m_degree(degree), m_line_bytes(line_bytes), m_table(entries) {}

void StridePrefetcher::on_access(Addr line_addr, bool, PrefetchList& out) {
    const std::uint64_t page = line_addr / kPageBytes;
    Entry& e = m_table[page % m_table.size()];
    const auto line = static_cast<std::int64_t>(line_addr / m_line_bytes);
    if (e.page != page) {
        e = Entry{page, line, 0, 0};
        return;
    }
    const std::int64_t delta = line - e.last_line;
    e.last_line = line;
    if (delta == 0) return;
    if (delta == e.stride) {
        if (e.confidence < 3) ++e.confidence;
    } else {
        e.stride = delta;
        e.confidence = 0;
    }
    if (e.confidence < 1) return;  // the stride has now been seen twice
    for (std::uint32_t k = 1; k <= m_degree; ++k) {
        const std::int64_t target = line + e.stride * static_cast<std::int64_t>(k);
        if (target < 0) break;
        const Addr a = static_cast<Addr>(target) * m_line_bytes;
        if (a / kPageBytes != page) break;
        out.push(a);
    }
}

std::unique_ptr<Prefetcher> make_prefetcher(PrefetcherKind kind, std::uint32_t degree,
                                            std::uint32_t line_bytes) {
    switch (kind) {
        case PrefetcherKind::None: return nullptr;
        case PrefetcherKind::NextLine: return std::make_unique<NextLinePrefetcher>(degree, line_bytes);
        case PrefetcherKind::Stride: return std::make_unique<StridePrefetcher>(degree, line_bytes);
    }
    return nullptr;
}

}  // namespace invalsim::cache
