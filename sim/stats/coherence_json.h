#pragma once

#include <string>
#include <vector>

#include "models/golden/golden_model.h"
#include "sim/config/json.h"

namespace invalsim::stats {

// The golden model's findings: totals, per step, examples, and the devices'
// contents against it at the end.
config::Json coherence_json(const golden::GoldenModel& g, const std::vector<std::string>& devices,
                            const std::vector<golden::DeviceCheck>& checks);

}  // namespace invalsim::stats
