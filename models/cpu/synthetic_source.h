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
    bool next(Access& a) override;

private:
    std::uint64_t next_slot();

    GeneratorSpec m_spec;
    std::uint64_t m_slots;
    std::uint64_t m_issued = 0;
    common::Rng m_rng;
    std::optional<Zipf> m_zipf;
    std::uint64_t m_scramble = 1;  // odd multiplier coprime with m_slots
};

}  // namespace invalsim::cpu
