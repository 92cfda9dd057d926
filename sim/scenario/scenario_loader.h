#pragma once

#include <string>

#include "sim/config/json.h"
#include "sim/config/system_config.h"
#include "sim/scenario/scenario.h"

namespace invalsim::scenario {

// The config a scenario file names ("config" key, relative to the scenario),
// or "" when it names none. Throws InputError for an unreadable file.
std::string config_named_by(const config::Json& doc, const std::string& file);

// Reads a scenario against the config it will run on: CPU names and
// addresses are checked here, before any simulation. Throws InputError.
Scenario parse_scenario(const config::Json& doc, const std::string& file,
                        const config::SystemConfig& cfg);

}  // namespace invalsim::scenario
