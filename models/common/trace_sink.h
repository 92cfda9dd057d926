#pragma once

#include <string>

#include "models/common/duration.h"

namespace invalsim::common {

// Where models report what happened when, for a timeline view. Tracks are
// named after components ("cpu0", "ha1", "cxl0"). Models hold a pointer that
// is null unless tracing was asked for, so tracing costs nothing when off.
class TraceSink {
public:
    virtual ~TraceSink() = default;
    virtual void span(const std::string& track, const std::string& name, Duration start, Duration end,
                      const std::string& detail = "") = 0;
    virtual void instant(const std::string& track, const std::string& name, Duration at,
                         const std::string& detail = "") = 0;
};

}  // namespace invalsim::common
