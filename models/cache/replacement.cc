#include "models/cache/replacement.h"

#include "models/common/types.h"

namespace invalsim::cache {

LruPolicy::LruPolicy(std::uint64_t sets, std::uint32_t ways)
    : m_ways(ways), m_stamp(sets * ways) {}

void LruPolicy::forget(std::uint64_t set, std::uint32_t way) { m_stamp[set * m_ways + way] = 0; }

std::uint32_t LruPolicy::victim(std::uint64_t set) {
    const std::uint64_t* s = &m_stamp[set * m_ways];
    std::uint32_t best = 0;
    for (std::uint32_t w = 1; w < m_ways; ++w) {
        if (s[w] < s[best]) best = w;
    }
    return best;
}

TreePlruPolicy::TreePlruPolicy(std::uint64_t sets, std::uint32_t ways)
    : m_levels(common::log2_exact(ways)), m_bits(sets, 0) {}

// Walking from the root, set each node to point away from the touched way.
void TreePlruPolicy::touch(std::uint64_t set, std::uint32_t way) {
    std::uint64_t bits = m_bits[set];
    std::uint32_t node = 0;
    for (unsigned level = 0; level < m_levels; ++level) {
        const unsigned go_right = (way >> (m_levels - 1 - level)) & 1U;
        if (go_right) {
            bits &= ~(1ULL << node);  // point left, away from us
        } else {
            bits |= (1ULL << node);  // point right
        }
        node = 2 * node + 1 + go_right;
    }
    m_bits[set] = bits;
}

// An invalidated way becomes the next victim: point every node at it.
void TreePlruPolicy::forget(std::uint64_t set, std::uint32_t way) {
    std::uint64_t bits = m_bits[set];
    std::uint32_t node = 0;
    for (unsigned level = 0; level < m_levels; ++level) {
        const unsigned go_right = (way >> (m_levels - 1 - level)) & 1U;
        if (go_right) {
            bits |= (1ULL << node);
        } else {
            bits &= ~(1ULL << node);
        }
        node = 2 * node + 1 + go_right;
    }
    m_bits[set] = bits;
}

std::uint32_t TreePlruPolicy::victim(std::uint64_t set) {
    const std::uint64_t bits = m_bits[set];
    std::uint32_t node = 0;
    std::uint32_t way = 0;
    for (unsigned level = 0; level < m_levels; ++level) {
        const unsigned right = (bits >> node) & 1U;
        way = (way << 1) | right;
        node = 2 * node + 1 + right;
    }
    return way;
}

RandomPolicy::RandomPolicy(std::uint32_t ways, std::uint64_t seed) : m_ways(ways), m_rng(seed) {}

std::uint32_t RandomPolicy::victim(std::uint64_t) {
    return static_cast<std::uint32_t>(m_rng.below(m_ways));
}

std::unique_ptr<ReplacementPolicy> make_replacement(ReplacementKind kind, std::uint64_t sets,
                                                    std::uint32_t ways, std::uint64_t seed) {
    switch (kind) {
        case ReplacementKind::Lru: return std::make_unique<LruPolicy>(sets, ways);
        case ReplacementKind::TreePlru: return std::make_unique<TreePlruPolicy>(sets, ways);
        case ReplacementKind::Random: return std::make_unique<RandomPolicy>(ways, seed);
    }
    return nullptr;
}

}  // namespace invalsim::cache
