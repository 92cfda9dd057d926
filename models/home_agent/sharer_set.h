#pragma once

#include <array>
#include <cstdint>

namespace invalsim::home_agent {

// A set of CPU numbers, up to kMaxCpus: the presence vector of a snoop
// filter entry.
class SharerSet {
public:
    static constexpr std::uint32_t kMaxCpus = 256;

    void add(std::uint32_t cpu) { m_w[cpu / 64] |= bit(cpu); }
    void remove(std::uint32_t cpu) { m_w[cpu / 64] &= ~bit(cpu); }
    bool has(std::uint32_t cpu) const { return (m_w[cpu / 64] & bit(cpu)) != 0; }
    bool empty() const { return (m_w[0] | m_w[1] | m_w[2] | m_w[3]) == 0; }
    void clear() { m_w = {}; }
    std::uint32_t count() const {
        std::uint32_t n = 0;
        for (auto w : m_w) n += static_cast<std::uint32_t>(__builtin_popcountll(w));
        return n;
    }
    // True when someone other than `cpu` is in the set.
    bool has_other_than(std::uint32_t cpu) const {
        for (std::uint32_t i = 0; i < m_w.size(); ++i) {
            const std::uint64_t w = i == cpu / 64 ? m_w[i] & ~bit(cpu) : m_w[i];
            if (w) return true;
        }
        return false;
    }
    template <class Fn>
    void for_each(Fn&& fn) const {
        for (std::uint32_t i = 0; i < m_w.size(); ++i) {
            for (std::uint64_t w = m_w[i]; w; w &= w - 1) {
                fn(i * 64 + static_cast<std::uint32_t>(__builtin_ctzll(w)));
            }
        }
    }

private:
    static std::uint64_t bit(std::uint32_t cpu) { return 1ULL << (cpu % 64); }
    std::array<std::uint64_t, 4> m_w{};
};

}  // namespace invalsim::home_agent
