#pragma once

#include <cstdint>

#include "models/common/types.h"

namespace invalsim::cpu {

enum class CacheScope : std::uint8_t { Any, Private, Slc };

// Lets a scenario look at the machine without disturbing it (no time, no
// cache state changes): what the memory devices hold, and what the caches
// hold. Implemented by the system builder.
class Inspector {
public:
    virtual ~Inspector() = default;
    // Device contents of [addr, addr+len), bypassing every cache; false when
    // no device backs it.
    virtual bool read_memory(common::Addr addr, std::uint8_t* out, std::uint64_t len) = 0;
    // How many cached copies of lines of [addr, addr+len) exist in `scope`.
    virtual std::uint64_t cached_lines(common::Addr addr, std::uint64_t len, CacheScope scope) = 0;
};

}  // namespace invalsim::cpu
