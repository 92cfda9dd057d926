#include "models/cache/tag_array.h"

namespace invalsim::cache {

TagArray::TagArray(std::uint64_t sets, std::uint32_t ways, std::uint32_t line_bytes)
    : m_sets(sets),
      m_ways(ways),
      m_line_bytes(line_bytes),
      m_line_shift(common::log2_exact(line_bytes)),
      m_set_mask(sets - 1),
      m_tags(sets * ways),
      m_states(sets * ways),
      m_data(sets * ways * line_bytes) {}

void TagArray::install(std::uint64_t line, std::uint32_t way, LineState s) {
    const std::uint64_t i = set_of(line) * m_ways + way;
    if (m_states[i] == LineState::Invalid) ++m_valid;
    m_tags[i] = ~line;
    m_states[i] = s;
}

void TagArray::clear(std::uint64_t set, std::uint32_t way) {
    const std::uint64_t i = set * m_ways + way;
    if (m_states[i] != LineState::Invalid) --m_valid;
    m_tags[i] = 0;
    m_states[i] = LineState::Invalid;
}

}  // namespace invalsim::cache
