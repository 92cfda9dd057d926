#pragma once

#include <string>

#include "sim/config/system_config.h"

namespace invalsim::cli {

// What `invalsim check` prints: components with their key parameters, the
// address map, and who connects to whom.
std::string describe_topology(const config::SystemConfig& cfg);

}  // namespace invalsim::cli
