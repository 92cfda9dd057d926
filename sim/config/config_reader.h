#pragma once

#include "sim/config/json.h"
#include "sim/config/system_config.h"
#include "sim/config/value_readers.h"

namespace invalsim::config {

// Turns a config document into its typed form, reporting shape and value
// errors. Cross-references and hardware rules are checked afterwards by
// validate_system (config_validator.h).
SystemConfig read_system(const Json& doc, const Cursor& at);

// Names of caches and memories become statistics paths.
bool valid_component_name(const std::string& name);

}  // namespace invalsim::config
