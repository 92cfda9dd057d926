#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/json_source.h"
#include "sim/config/system_config.h"
#include "sim/scenario/scenario.h"

namespace invalsim::cli {

// Built-in defaults, compiled into the binary.
inline constexpr const char* kDefaultConfig = "builtin:configs/default.json";
inline constexpr const char* kDefaultScenario = "builtin:scenarios/default.json";

// Everything a run needs, read and validated.
struct Inputs {
    std::string config_path;
    std::string scenario_path;
    config::SystemConfig config;
    scenario::Scenario scenario;
    std::uint64_t seed = 1;  // --seed, else the scenario's, else the config's
};

// Resolves which config to use (--config, else the one the scenario names),
// applies --set overrides and validates both files. Throws InputError.
Inputs load_inputs(const std::string& scenario_path, const std::string& config_path,
                   const std::vector<std::string>& sets, std::optional<std::uint64_t> seed,
                   const std::vector<std::string>& scenario_sets = {});

// A scenario's "set" object as config overrides (applied before --set).
std::vector<config::Override> scenario_overrides(const config::Json& doc, const std::string& file);

// Loads a config alone (for `check` without a scenario).
config::SystemConfig load_config_only(const std::string& config_path,
                                      const std::vector<std::string>& sets);

}  // namespace invalsim::cli
