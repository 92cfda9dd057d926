#pragma once

#include <string>
#include <vector>

#include "sim/config/json.h"
#include "sim/config/json_source.h"
#include "sim/config/system_config.h"

namespace invalsim::config {

// Reads, overrides and validates a config. Throws InputError listing every
// problem with its file and JSON pointer.
SystemConfig load_system_config(const std::string& path, const std::vector<Override>& overrides);

// The same from an already parsed document (tests use it directly).
SystemConfig parse_system_config(const Json& doc, const std::string& file,
                                 const std::vector<Override>& overrides = {});

// The config with every default filled in, in the config file format.
Json resolved_json(const SystemConfig& cfg);

}  // namespace invalsim::config
