#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "models/cache/cache_params.h"
#include "models/common/rng.h"
#include "models/common/zeroed_array.h"

namespace invalsim::cache {

// Chooses the victim way of a full set. The cache prefers an invalid way
// before asking, so policies only rank valid lines.
class ReplacementPolicy {
public:
    virtual ~ReplacementPolicy() = default;
    virtual void touch(std::uint64_t set, std::uint32_t way) = 0;  // hit or fill
    virtual void forget(std::uint64_t set, std::uint32_t way) = 0;  // invalidated
    virtual std::uint32_t victim(std::uint64_t set) = 0;
};

// True LRU by per-way timestamps: exact, and a linear scan of 8-16 ways is
// cheaper than maintaining ordered lists.
class LruPolicy final : public ReplacementPolicy {
public:
    LruPolicy(std::uint64_t sets, std::uint32_t ways);
    void touch(std::uint64_t set, std::uint32_t way) override { m_stamp[set * m_ways + way] = ++m_clock; }
    void forget(std::uint64_t set, std::uint32_t way) override;
    std::uint32_t victim(std::uint64_t set) override;
    // Starts loading a set's stamps into the host's caches (see
    // TagArray::prefetch_states).
    void prefetch(std::uint64_t set) const {
        const std::uint64_t* s = &m_stamp[set * m_ways];
        for (std::uint32_t w = 0; w < m_ways; w += 8) __builtin_prefetch(s + w);
    }

private:
    std::uint32_t m_ways;
    std::uint64_t m_clock = 0;
    common::ZeroedArray<std::uint64_t> m_stamp;
};

// Binary-tree pseudo-LRU: ways-1 bits per set; each bit points to the
// less recently used half of its subtree.
class TreePlruPolicy final : public ReplacementPolicy {
public:
    TreePlruPolicy(std::uint64_t sets, std::uint32_t ways);
    void touch(std::uint64_t set, std::uint32_t way) override;
    void forget(std::uint64_t set, std::uint32_t way) override;
    std::uint32_t victim(std::uint64_t set) override;

private:
    unsigned m_levels;
    std::vector<std::uint64_t> m_bits;  // bit i = node i of the heap-ordered tree
};

class RandomPolicy final : public ReplacementPolicy {
public:
    RandomPolicy(std::uint32_t ways, std::uint64_t seed);
    void touch(std::uint64_t, std::uint32_t) override {}
    void forget(std::uint64_t, std::uint32_t) override {}
    std::uint32_t victim(std::uint64_t) override;

private:
    std::uint32_t m_ways;
    common::Rng m_rng;
};

std::unique_ptr<ReplacementPolicy> make_replacement(ReplacementKind kind, std::uint64_t sets,
                                                    std::uint32_t ways, std::uint64_t seed);

}  // namespace invalsim::cache
