#pragma once

#include <cstdint>
#include <string>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::cpu {

enum class Pattern : std::uint8_t { Sequential, Stride, Uniform, HotSet };

// A synthetic access stream over [base, base + footprint).
struct GeneratorSpec {
    Pattern pattern = Pattern::Uniform;
    common::Addr base = 0;
    std::uint64_t footprint_bytes = 0;
    std::uint32_t access_bytes = 8;
    double read_fraction = 1.0;
    std::uint64_t count = 0;    // accesses; 0 means run for `duration`
    common::Duration duration;  // simulated time; zero means run `count`
    std::uint64_t seed = 0;     // 0 derives it from the run's seed and the CPU
    std::uint64_t stride_bytes = 64;
    double skew = 0.99;         // Zipf theta of the hot-set pattern
};

enum class TracePlacementMode : std::uint8_t { FirstTouch, Offset };

// Replay of a valgrind lackey --trace-mem=yes trace.
struct TraceSpec {
    std::string file;
    common::Addr range_base = 0;      // the address-map range receiving the trace
    std::uint64_t range_bytes = 0;
    TracePlacementMode placement = TracePlacementMode::FirstTouch;
    common::Addr trace_base = 0;      // for Offset: trace address mapped to range_base
    std::uint64_t limit = 0;          // accesses to replay; 0 for all
};

}  // namespace invalsim::cpu
