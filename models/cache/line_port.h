#pragma once

#include "models/coherence/request.h"
#include "models/common/duration.h"

namespace invalsim::cache {

// What a cache core sees of the level below it: another cache, or the home
// agent that owns the line. `delay` is the loosely-timed annotation the
// lower level adds to.
class LinePort {
public:
    virtual ~LinePort() = default;
    virtual void request(coherence::LineRequest& r, common::Duration& delay) = 0;
};

// What a cache core sees of the other private levels of its CPU (the CPU
// tile implements it). All private levels of a CPU share one line size.
class Hierarchy {
public:
    virtual ~Hierarchy() = default;
    // Invalidates the line in every level above the caller; copies the newest
    // dirty data, if any level above had it dirty, into `data` and returns true.
    virtual bool recall_above(common::Addr addr, std::uint8_t* data) = 0;
    // Whether a level of the CPU other than the caller holds the line.
    virtual bool held_elsewhere(common::Addr addr) const = 0;
};

}  // namespace invalsim::cache
