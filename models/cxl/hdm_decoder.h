#pragma once

#include <cstdint>
#include <string>

#include "models/common/types.h"

namespace invalsim::cxl {

// Which target of an interleave set serves `hpa`: chunks of `granularity`
// bytes dealt in turn over `ways` targets (modulo arithmetic, which is what
// the CXL specification uses for 3, 6 and 12 ways as well).
inline std::uint32_t interleave_position(common::Addr hpa, common::Addr base, std::uint32_t ways,
                                         std::uint64_t granularity) {
    return static_cast<std::uint32_t>(((hpa - base) / granularity) % ways);
}

// An HDM decoder of a CXL Type-3 device: maps the device's share of an
// interleaved host physical range onto device physical addresses (DPA).
struct HdmDecoder {
    common::Addr hpa_base = 0;
    std::uint64_t hpa_size = 0;
    std::uint32_t ways = 1;
    std::uint64_t granularity = 4096;
    std::uint32_t position = 0;  // this device's place in the interleave set
    std::uint64_t dpa_base = 0;
    bool committed = true;

    bool contains(common::Addr hpa) const { return hpa >= hpa_base && hpa - hpa_base < hpa_size; }
    bool owns(common::Addr hpa) const {
        return contains(hpa) && interleave_position(hpa, hpa_base, ways, granularity) == position;
    }
    // DPA of `hpa`; the interleave bits are squeezed out.
    std::uint64_t to_dpa(common::Addr hpa) const {
        const std::uint64_t off = hpa - hpa_base;
        return dpa_base + (off / granularity / ways) * granularity + off % granularity;
    }
    // Device capacity the decoder covers.
    std::uint64_t dpa_size() const { return hpa_size / ways; }

    static bool valid_ways(std::uint32_t w) {
        return w == 1 || w == 2 || w == 4 || w == 8 || w == 16 || w == 3 || w == 6 || w == 12;
    }
    static bool valid_granularity(std::uint64_t g) {
        return common::is_power_of_two(g) && g >= 256 && g <= 16384;
    }
};

}  // namespace invalsim::cxl
