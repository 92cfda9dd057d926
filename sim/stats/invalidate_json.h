#pragma once

#include "models/invalidate/framework.h"
#include "sim/config/json.h"

namespace invalsim::stats {

// The port's statistics and one record per call, for stats.json.
config::Json framework_json(const invalidate::Framework& fw, std::uint32_t granule_bytes,
                            std::uint32_t line_bytes);

}  // namespace invalsim::stats
