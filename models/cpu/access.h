#pragma once

#include <cstdint>
#include <cstring>

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

// Store data of the bytes [offset, offset+len) of an access: byte k of the
// access is byte k % 8 of `value` (little-endian), whatever the host's order.
inline void fill_repeating(std::uint8_t* out, std::uint32_t len, std::uint64_t value, std::uint64_t offset) {
    std::uint8_t pattern[8];
    const unsigned shift = 8 * static_cast<unsigned>(offset % 8);
    const std::uint64_t rotated = shift ? (value >> shift) | (value << (64 - shift)) : value;
    if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
        std::memcpy(pattern, &rotated, 8);
    } else {
        for (unsigned j = 0; j < 8; ++j) pattern[j] = static_cast<std::uint8_t>(rotated >> (8 * j));
    }
    if (len == 8) {
        std::memcpy(out, pattern, 8);
        return;
    }
    for (std::uint32_t i = 0; i < len; i += 8) std::memcpy(out + i, pattern, len - i < 8 ? len - i : 8);
}

// A stream of accesses: a synthetic generator or a trace.
class AccessSource {
public:
    virtual ~AccessSource() = default;
    // False at the end of the stream.
    virtual bool next(Access& a) = 0;
};

}  // namespace invalsim::cpu
