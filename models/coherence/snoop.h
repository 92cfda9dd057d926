#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::coherence {

enum class Snoop : std::uint8_t {
    Shared,      // keep a Shared copy; dirty data goes to the home agent
    Invalidate,  // drop every copy; dirty data goes to the home agent
    Clean,       // keep the copy, now clean; dirty data goes to the home agent
};

struct SnoopResult {
    bool present = false;  // some level of the CPU held the line
    bool dirty = false;    // `data` was filled with the newest (dirty) bytes
};

// A CPU's private hierarchy as its home agent sees it. The home agent snoops
// whole lines of the coherence granule (the last private level's line).
class SnoopTarget {
public:
    virtual ~SnoopTarget() = default;
    virtual SnoopResult snoop(Snoop kind, common::Addr addr, std::uint32_t bytes,
                              std::uint8_t* data) = 0;
    // Time for a snoop to look up the CPU's caches (paid once per snoop).
    virtual common::Duration snoop_latency() const = 0;
};

}  // namespace invalsim::coherence
