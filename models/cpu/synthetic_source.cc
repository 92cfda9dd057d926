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

std::uint64_t SyntheticSource::hot_slot() {
    const std::uint64_t r = m_zipf->rank(m_rng.unit());
    return common::mul_mod(r + 1, m_scramble, m_slots);
}

}  // namespace invalsim::cpu
