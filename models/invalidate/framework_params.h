#pragma once

#include "models/common/duration.h"
#include "models/common/types.h"
#include "models/invalidate/call_policy.h"
#include "models/invalidate/hha_driver.h"

namespace invalsim::invalidate {

enum class Mechanism { Hha, Wbinvd, VaLoop, None };
const char* to_string(Mechanism m);

struct FrameworkParams {
    Mechanism mechanism = Mechanism::Hha;
    const CallPolicy* policy = &default_call_policy();
    // Controllers register at boot; otherwise a scenario's `register` op
    // does it (drivers that probe late).
    bool registered_at_boot = true;
    // The kernel's test-only option: flows that need an invalidate proceed
    // without one when no mechanism exists.
    bool bypass_for_testing = false;
    HhaDriverParams hha;  // poll interval and timeout (the granule is the engine's)
    common::Duration ipi_latency = common::Duration::us(2);
    // WBINVD: time per cache line examined; the drain of its write-backs
    // comes on top (cpu_side_instances.h).
    common::Duration wbinvd_per_line = common::Duration::ns(5);
    // VA loop: one DC CIVAC per line of the range, then the final barrier
    // waits for the write-backs.
    common::Duration va_per_line = common::Duration::ns(4);
    // Co-running CPUs' latencies are also collected this long after a call.
    common::Duration after_window = common::Duration::us(20);
};

}  // namespace invalsim::invalidate
