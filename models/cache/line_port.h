#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::cache {

// What a cache core sees of the level below it: another cache or the path
// to memory. Transfers are whole lines of the requesting cache; `delay` is
// the loosely-timed annotation the lower level adds to.
class LinePort {
public:
    virtual ~LinePort() = default;
    virtual void read_line(common::Addr addr, std::uint8_t* data, std::uint32_t bytes,
                           common::Duration& delay) = 0;
    virtual void write_line(common::Addr addr, const std::uint8_t* data, std::uint32_t bytes,
                            common::Duration& delay) = 0;
};

}  // namespace invalsim::cache
