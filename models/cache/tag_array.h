#pragma once

#include <cstdint>
#include "models/common/zeroed_array.h"

#include "models/cache/line_state.h"
#include "models/common/types.h"

namespace invalsim::cache {

// Tags, states and data of a set-associative cache. Tags are whole line
// numbers (address / line size), which makes range maintenance and victim
// addresses trivial at the cost of a few bits per line.
class TagArray {
public:
    static constexpr std::uint32_t kNoWay = ~0U;

    TagArray(std::uint64_t sets, std::uint32_t ways, std::uint32_t line_bytes);

    std::uint64_t sets() const { return m_sets; }
    std::uint32_t ways() const { return m_ways; }
    std::uint32_t line_bytes() const { return m_line_bytes; }

    std::uint64_t line_of(common::Addr addr) const { return addr >> m_line_shift; }
    common::Addr addr_of(std::uint64_t line) const { return line << m_line_shift; }
    std::uint64_t set_of(std::uint64_t line) const { return line & m_set_mask; }

    // Way holding `line` in its set, or kNoWay.
    // Every way is compared, without an early exit: at random addresses
    // the matching way is random too, and a mispredicted exit costs more
    // than comparing the rest (a line is in at most one way).
    std::uint32_t find(std::uint64_t line) const {
        const std::uint64_t* tags = &m_tags[set_of(line) * m_ways];
        const std::uint64_t key = ~line;
        std::uint32_t way = kNoWay;
        for (std::uint32_t w = 0; w < m_ways; ++w) way = tags[w] == key ? w : way;
        return way;
    }
    // First invalid way of a set, or kNoWay. An invalid way's tag is zero,
    // so this scans the tags find() just read, not the states.
    std::uint32_t free_way(std::uint64_t set) const {
        const std::uint64_t base = set * m_ways;
        for (std::uint32_t w = 0; w < m_ways; ++w) {
            if (m_tags[base + w] == 0) return w;
        }
        return kNoWay;
    }

    // Starts loading a set's states into the host's caches while its tags
    // are compared: at random addresses both miss, and the two misses then
    // overlap instead of following one another.
    void prefetch_states(std::uint64_t set) const { __builtin_prefetch(&m_states[set * m_ways]); }

    std::uint64_t tag(std::uint64_t set, std::uint32_t way) const { return ~m_tags[set * m_ways + way]; }
    LineState state(std::uint64_t set, std::uint32_t way) const { return m_states[set * m_ways + way]; }
    void set_state(std::uint64_t set, std::uint32_t way, LineState s) { m_states[set * m_ways + way] = s; }
    std::uint8_t* data(std::uint64_t set, std::uint32_t way) {
        return m_data.data() + (set * m_ways + way) * m_line_bytes;
    }
    const std::uint8_t* data(std::uint64_t set, std::uint32_t way) const {
        return m_data.data() + (set * m_ways + way) * m_line_bytes;
    }

    void install(std::uint64_t line, std::uint32_t way, LineState s);
    void clear(std::uint64_t set, std::uint32_t way);

    std::uint64_t valid_lines() const { return m_valid; }

private:
    std::uint64_t m_sets;
    std::uint32_t m_ways;
    std::uint32_t m_line_bytes;
    unsigned m_line_shift;
    std::uint64_t m_set_mask;
    std::uint64_t m_valid = 0;
    // Tags are stored complemented, so that the zeroes a new array starts
    // with match no line (line ~0 cannot exist).
    common::ZeroedArray<std::uint64_t> m_tags;
    common::ZeroedArray<LineState> m_states;  // all Invalid
    common::ZeroedArray<std::uint8_t> m_data;
};

}  // namespace invalsim::cache
