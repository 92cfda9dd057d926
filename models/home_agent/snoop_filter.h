#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/common/zeroed_array.h"

#include "models/home_agent/sharer_set.h"

namespace invalsim::home_agent {

// Which CPUs may hold each line (in coherence-granule units) homed at one
// agent. Set-associative with LRU; a full set gives up an entry, and the
// caller must then back-invalidate that entry's sharers. Lines and LRU
// stamps are kept apart from the sharer sets so a lookup scans 16 bytes per
// way, not the whole entry.
class SnoopFilter {
public:
    struct Entry {
        std::uint64_t line = kFree;
        SharerSet sharers;
        bool exclusive = false;  // one sharer, which may hold the line E or M
    };
    static constexpr std::uint64_t kFree = ~0ULL;

    // `sets` must be a power of two.
    SnoopFilter(std::uint64_t sets, std::uint32_t ways);

    // Host memory a filter of `entries` entries occupies.
    static std::uint64_t host_bytes(std::uint64_t entries);

    Entry* find(std::uint64_t line);
    // The entry for `line`, created if needed. When creating it pushed out
    // another line, `victim` receives that entry.
    Entry& obtain(std::uint64_t line, std::optional<Entry>& victim);
    // Drops `cpu` from the line's sharers; frees the entry when none remain.
    void remove(std::uint64_t line, std::uint32_t cpu);
    void erase(std::uint64_t line);
    // Erases the line's entry and returns it (nullopt if untracked): one
    // lookup where find then erase would make two.
    std::optional<Entry> take(std::uint64_t line);

    // Calls fn(line) for every tracked line in [first, last]; costs
    // min(lines in the range, entries) lookups. A scan of the whole filter
    // reads only the slots' keys, not the entries.
    template <class Fn>
    void for_each_in(std::uint64_t first, std::uint64_t last, Fn&& fn) {
        if (last - first < m_entries.size()) {
            for (std::uint64_t line = first;; ++line) {
                if (find(line)) fn(line);
                if (line == last) break;
            }
            return;
        }
        for (std::size_t i = 0; i < m_slots.size(); ++i) {
            const std::uint64_t line = ~m_slots[i].key;
            if (m_slots[i].key != 0 && line >= first && line <= last) fn(line);
        }
    }

    // Tracked lines in [first, last], ascending, without touching the LRU.
    std::vector<std::uint64_t> lines_in(std::uint64_t first, std::uint64_t last) const;

    std::uint64_t capacity() const { return m_entries.size(); }
    std::uint64_t sets() const { return m_sets; }
    std::uint64_t set_of(std::uint64_t line) const { return line & (m_sets - 1); }
    std::uint64_t used() const { return m_used; }

private:
    // The line is stored complemented so that a zeroed slot is free.
    struct Slot {
        std::uint64_t key;    // ~line, or 0 when free
        std::uint64_t stamp;  // 0 when free
    };
    std::uint64_t base_of(std::uint64_t line) const { return set_of(line) * m_ways; }
    std::size_t slot_of(std::uint64_t line) const;  // index, or npos
    void free_slot(std::size_t i);

    std::uint64_t m_sets;
    std::uint32_t m_ways;
    std::uint64_t m_clock = 0;
    std::uint64_t m_used = 0;
    common::ZeroedArray<Slot> m_slots;
    common::ZeroedArray<Entry> m_entries;
};

}  // namespace invalsim::home_agent
