#include "sim/cli/inputs.h"

#include "sim/config/config_loader.h"
#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/scenario/scenario_loader.h"

namespace invalsim::cli {

namespace {

std::vector<config::Override> parse_sets(const std::vector<std::string>& sets) {
    std::vector<config::Override> out;
    for (const auto& s : sets) out.push_back(config::parse_override(s));
    return out;
}

}  // namespace

config::SystemConfig load_config_only(const std::string& config_path,
                                      const std::vector<std::string>& sets) {
    return config::load_system_config(config_path, parse_sets(sets));
}

Inputs load_inputs(const std::string& scenario_path, const std::string& config_path,
                   const std::vector<std::string>& sets, std::optional<std::uint64_t> seed) {
    Inputs in;
    in.scenario_path = scenario_path;
    const config::Json scn_doc = config::load_json_file(scenario_path);
    in.config_path = config_path.empty() ? scenario::config_named_by(scn_doc, scenario_path)
                                         : config_path;
    if (in.config_path.empty()) {
        throw config::InputError({{scenario_path, "",
                                   "names no config (add \"config\": \"path/to/config.json\") "
                                   "and none was given with --config",
                                   ""}});
    }
    in.config = config::load_system_config(in.config_path, parse_sets(sets));
    in.scenario = scenario::parse_scenario(scn_doc, scenario_path, in.config);
    in.seed = seed ? *seed : in.scenario.seed ? *in.scenario.seed : in.config.simulation.seed;
    in.config.simulation.seed = in.seed;
    return in;
}

}  // namespace invalsim::cli
