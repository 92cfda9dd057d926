#include "models/home_agent/snoop_filter.h"

#include <algorithm>

namespace invalsim::home_agent {

namespace {
constexpr std::size_t kNone = ~std::size_t{0};
}

std::uint64_t SnoopFilter::host_bytes(std::uint64_t entries) {
    return entries * (sizeof(Entry) + sizeof(Slot));
}

SnoopFilter::SnoopFilter(std::uint64_t sets, std::uint32_t ways)
    : m_sets(sets), m_ways(ways), m_slots(sets * ways), m_entries(sets * ways) {}

std::size_t SnoopFilter::slot_of(std::uint64_t line) const {
    const std::uint64_t base = base_of(line);
    const std::uint64_t key = ~line;
    for (std::uint32_t w = 0; w < m_ways; ++w) {
        if (m_slots[base + w].key == key) return base + w;
    }
    return kNone;
}

SnoopFilter::Entry* SnoopFilter::find(std::uint64_t line) {
    const std::size_t i = slot_of(line);
    if (i == kNone) return nullptr;
    m_slots[i].stamp = ++m_clock;
    return &m_entries[i];
}

SnoopFilter::Entry& SnoopFilter::obtain(std::uint64_t line, std::optional<Entry>& victim) {
    const std::uint64_t base = base_of(line);
    const std::uint64_t key = ~line;
    std::size_t pick = base;
    std::uint64_t oldest = m_slots[base].stamp;
    for (std::uint32_t w = 0; w < m_ways; ++w) {
        Slot& s = m_slots[base + w];
        if (s.key == key) {
            s.stamp = ++m_clock;
            return m_entries[base + w];
        }
        // Free slots have stamp 0, so the smallest stamp is free or LRU
        // (the first of equals: a free slot's index decides).
        if (s.stamp < oldest) {
            oldest = s.stamp;
            pick = base + w;
        }
    }
    if (m_slots[pick].key != 0) {
        victim = m_entries[pick];
    } else {
        ++m_used;
    }
    m_slots[pick] = Slot{key, ++m_clock};
    Entry& e = m_entries[pick];  // reset in place: no temporary to copy
    e.line = line;
    e.sharers.clear();
    e.exclusive = false;
    return e;
}

void SnoopFilter::free_slot(std::size_t i) {
    m_slots[i] = Slot{0, 0};
    m_entries[i] = Entry{};
    --m_used;
}

void SnoopFilter::remove(std::uint64_t line, std::uint32_t cpu) {
    const std::size_t i = slot_of(line);
    if (i == kNone) return;
    m_entries[i].sharers.remove(cpu);
    if (m_entries[i].sharers.empty()) free_slot(i);
}

std::vector<std::uint64_t> SnoopFilter::lines_in(std::uint64_t first, std::uint64_t last) const {
    std::vector<std::uint64_t> out;
    if (last - first < m_entries.size()) {
        for (std::uint64_t line = first;; ++line) {
            if (slot_of(line) != kNone) out.push_back(line);
            if (line == last) break;
        }
        return out;
    }
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        const std::uint64_t line = ~m_slots[i].key;
        if (m_slots[i].key != 0 && line >= first && line <= last) out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void SnoopFilter::erase(std::uint64_t line) {
    const std::size_t i = slot_of(line);
    if (i != kNone) free_slot(i);
}

std::optional<SnoopFilter::Entry> SnoopFilter::take(std::uint64_t line) {
    const std::size_t i = slot_of(line);
    if (i == kNone) return std::nullopt;
    const Entry e = m_entries[i];
    free_slot(i);
    return e;
}

}  // namespace invalsim::home_agent
