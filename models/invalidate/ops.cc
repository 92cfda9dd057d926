#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

const char* errno_name(int rc) {
    switch (rc) {
        case kOk: return "0";
        case kENXIO: return "-ENXIO";
        case kEBUSY: return "-EBUSY";
        case kEINVAL: return "-EINVAL";
        case kEOPNOTSUPP: return "-EOPNOTSUPP";
        case kETIMEDOUT: return "-ETIMEDOUT";
    }
    return "?";
}

common::Duration total_length(const std::vector<TimeWindow>& windows) {
    common::Duration t;
    for (const TimeWindow& w : windows) t += w.length();
    return t;
}

}  // namespace invalsim::invalidate
