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

}  // namespace invalsim::invalidate
