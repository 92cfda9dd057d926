#pragma once

#include "models/common/duration.h"
#include "models/common/types.h"
#include "models/invalidate/framework_core.h"
#include "models/invalidate/hha_driver.h"

namespace invalsim::invalidate {

enum class Mechanism { Hha, Wbinvd, VaLoop, None };
const char* to_string(Mechanism m);

struct FrameworkParams {
    Mechanism mechanism = Mechanism::Hha;
    Policy policy = Policy::Parallel;
    // Controllers register at boot; otherwise a scenario's `register` op
    // does it (drivers that probe late).
    bool registered_at_boot = true;
    // The kernel's test-only option: flows that need an invalidate proceed
    // without one when no mechanism exists.
    bool bypass_for_testing = false;
    HhaDriverParams hha;  // poll interval and timeout (the granule is the engine's)
    common::Duration ipi_latency = common::Duration::us(2);
    // WBINVD: time per cache line examined; write-backs add their own time.
    common::Duration wbinvd_per_line = common::Duration::ns(5);
    // VA loop: one DC CIVAC per line of the range.
    common::Duration va_per_line = common::Duration::ns(4);
    // Co-running CPUs' latencies are also collected this long after a call.
    common::Duration after_window = common::Duration::us(20);
};

}  // namespace invalsim::invalidate
