#pragma once

#include "models/common/duration.h"
#include "sim/config/system_config.h"

namespace invalsim::build {

// Idle load-to-use latency of a read that misses every cache and reaches the
// device behind `range`: the sum of the configured path, with no queueing.
// The simulated latency of such a read equals it (an end-to-end test checks).
common::Duration idle_miss_latency(const config::SystemConfig& cfg, const config::RangeConfig& range);

}  // namespace invalsim::build
