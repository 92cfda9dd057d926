#pragma once

#include <cstdint>

#include "models/common/types.h"
#include "models/home_agent/home_agent_params.h"

namespace invalsim::home_agent {

// Which home agent owns an address: chunks of `interleave_bytes` dealt
// round-robin over the agents, optionally after folding the higher address
// bits into the chunk number by XOR, as hashed LLC slice selection does, so
// that power-of-two strides do not pile onto one agent.
class Interleave {
public:
    Interleave(std::uint32_t agents, std::uint64_t interleave_bytes, InterleaveHash hash)
        : m_agents(agents), m_shift(common::log2_exact(interleave_bytes)), m_hash(hash) {}

    std::uint32_t agent_of(common::Addr addr) const {
        std::uint64_t chunk = addr >> m_shift;
        if (m_hash == InterleaveHash::Xor) {
            std::uint64_t folded = 0;
            for (std::uint64_t c = chunk; c; c >>= 8) folded ^= c & 0xff;
            chunk = folded;
        }
        return static_cast<std::uint32_t>(chunk % m_agents);
    }
    std::uint32_t agents() const { return m_agents; }

private:
    std::uint32_t m_agents;
    unsigned m_shift;
    InterleaveHash m_hash;
};

}  // namespace invalsim::home_agent
