#pragma once

#include <algorithm>
#include <cstdint>

#include "models/common/types.h"

namespace invalsim::cpu {

// Splits [addr, addr+size) into pieces that do not cross a `granule`
// boundary (the first-level cache's line, a power of two), calling
// fn(addr, len) per piece.
template <class Fn>
void for_each_piece(common::Addr addr, std::uint64_t size, std::uint32_t granule, Fn&& fn) {
    while (size > 0) {
        const std::uint64_t room = granule - (addr & (granule - 1));
        const auto len = static_cast<std::uint32_t>(std::min<std::uint64_t>(size, room));
        fn(addr, len);
        addr += len;
        size -= len;
    }
}

}  // namespace invalsim::cpu
