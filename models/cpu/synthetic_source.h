#pragma once

#include <optional>

#include "models/common/rng.h"
#include "models/cpu/access.h"
#include "models/cpu/workload_spec.h"
#include "models/cpu/zipf.h"

namespace invalsim::cpu {

// Sequential, strided, uniform random or Zipf hot-set accesses, each of
// `access_bytes` aligned to its size, loads with probability read_fraction.
class SyntheticSource final : public AccessSource {
public:
    SyntheticSource(const GeneratorSpec& spec, std::uint64_t seed);
    // Inline: a CPU streaming from this class calls it directly, once per
    // access, and the call costs as much as an L1 hit.
    bool next(Access& a) override {
        if (m_spec.count != 0 && m_issued >= m_spec.count) return false;
        const std::uint64_t slot = next_slot();
        ++m_issued;
        a.addr = m_spec.base + slot * m_spec.access_bytes;
        a.size = m_spec.access_bytes;
        const bool load = m_spec.read_fraction >= 1.0 || m_rng.unit() < m_spec.read_fraction;
        a.kind = load ? Access::Kind::Load : Access::Kind::Store;
        a.value = load ? 0 : m_rng.next();
        return true;
    }

private:
    std::uint64_t next_slot() {
        switch (m_spec.pattern) {
            case Pattern::Sequential: return m_issued % m_slots;
            case Pattern::Stride: return (m_issued * (m_spec.stride_bytes / m_spec.access_bytes)) % m_slots;
            case Pattern::Uniform: return m_rng.below(m_slots);
            case Pattern::HotSet: return hot_slot();
        }
        return 0;
    }
    std::uint64_t hot_slot();

    GeneratorSpec m_spec;
    std::uint64_t m_slots;
    std::uint64_t m_issued = 0;
    common::Rng m_rng;
    std::optional<Zipf> m_zipf;
    std::uint64_t m_scramble = 1;  // odd multiplier coprime with m_slots
};

}  // namespace invalsim::cpu
