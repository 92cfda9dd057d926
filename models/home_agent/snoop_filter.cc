#include "models/home_agent/snoop_filter.h"

namespace invalsim::home_agent {

SnoopFilter::SnoopFilter(std::uint64_t sets, std::uint32_t ways)
    : m_sets(sets), m_ways(ways), m_entries(sets * ways), m_stamp(sets * ways, 0) {}

SnoopFilter::Entry* SnoopFilter::find(std::uint64_t line) {
    const std::uint64_t base = (line % m_sets) * m_ways;
    for (std::uint32_t w = 0; w < m_ways; ++w) {
        if (m_entries[base + w].line == line) {
            m_stamp[base + w] = ++m_clock;
            return &m_entries[base + w];
        }
    }
    return nullptr;
}

SnoopFilter::Entry& SnoopFilter::obtain(std::uint64_t line, std::optional<Entry>& victim) {
    if (Entry* e = find(line)) return *e;
    const std::uint64_t base = (line % m_sets) * m_ways;
    std::uint64_t pick = base;
    for (std::uint32_t w = 0; w < m_ways; ++w) {
        if (m_entries[base + w].line == kFree) {
            pick = base + w;
            break;
        }
        if (m_stamp[base + w] < m_stamp[pick]) pick = base + w;
    }
    if (m_entries[pick].line != kFree) {
        victim = m_entries[pick];
    } else {
        ++m_used;
    }
    m_entries[pick] = Entry{line, {}, false};
    m_stamp[pick] = ++m_clock;
    return m_entries[pick];
}

void SnoopFilter::remove(std::uint64_t line, std::uint32_t cpu) {
    Entry* e = find(line);
    if (e == nullptr) return;
    e->sharers.remove(cpu);
    if (e->sharers.empty()) erase(line);
}

void SnoopFilter::erase(std::uint64_t line) {
    const std::uint64_t base = (line % m_sets) * m_ways;
    for (std::uint32_t w = 0; w < m_ways; ++w) {
        if (m_entries[base + w].line == line) {
            m_entries[base + w] = Entry{};
            --m_used;
            return;
        }
    }
}

}  // namespace invalsim::home_agent
