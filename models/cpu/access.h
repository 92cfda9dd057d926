#pragma once

#include <cstdint>

#include "models/common/types.h"

namespace invalsim::cpu {

// One memory access of a workload stream.
struct Access {
    enum class Kind : std::uint8_t { Load, Store, Fetch };
    Kind kind = Kind::Load;
    common::Addr addr = 0;
    std::uint32_t size = 8;
    std::uint64_t value = 0;  // little-endian store data (bytes beyond 8 repeat it)
};

// A stream of accesses: a synthetic generator or a trace.
class AccessSource {
public:
    virtual ~AccessSource() = default;
    // False at the end of the stream.
    virtual bool next(Access& a) = 0;
};

}  // namespace invalsim::cpu
