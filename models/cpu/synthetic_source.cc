#include "models/cpu/synthetic_source.h"

#include <numeric>

namespace invalsim::cpu {

namespace {

// A large prime multiplier coprime with n: rank r of the hot set becomes
// slot r * m mod n, spreading popular items over the footprint as they are
// spread over a heap, instead of packing them into its first lines.
std::uint64_t coprime_multiplier(std::uint64_t n) {
    for (std::uint64_t m : {2654435761ULL, 2246822519ULL, 3266489917ULL, 668265263ULL}) {
        if (std::gcd(m % n, n) == 1) return m % n;
    }
    return 1;
}

}  // namespace

SyntheticSource::SyntheticSource(const GeneratorSpec& spec, std::uint64_t seed)
    : m_spec(spec), m_slots(spec.footprint_bytes / spec.access_bytes), m_rng(seed) {
    if (m_slots == 0) m_slots = 1;
    if (spec.pattern == Pattern::HotSet) {
        m_zipf.emplace(m_slots, spec.skew);
        m_scramble = coprime_multiplier(m_slots);
    }
}

std::uint64_t SyntheticSource::next_slot() {
    switch (m_spec.pattern) {
        case Pattern::Sequential: return m_issued % m_slots;
        case Pattern::Stride: return (m_issued * (m_spec.stride_bytes / m_spec.access_bytes)) % m_slots;
        case Pattern::Uniform: return m_rng.below(m_slots);
        case Pattern::HotSet: {
            const std::uint64_t r = m_zipf->rank(m_rng.unit());
            return common::mul_mod(r + 1, m_scramble, m_slots);
        }
    }
    return 0;
}

bool SyntheticSource::next(Access& a) {
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

}  // namespace invalsim::cpu
