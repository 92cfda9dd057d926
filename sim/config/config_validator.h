#pragma once

#include "sim/config/system_config.h"
#include "sim/config/value_readers.h"

namespace invalsim::config {

// Hardware rules and cross-references of a config that read cleanly:
// every model's own validate(), cache wiring, and the address map.
void validate_system(const SystemConfig& cfg, const Cursor& root);

}  // namespace invalsim::config
