#include "sim/cli/inputs.h"

#include "sim/config/config_loader.h"
#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/config/value_readers.h"
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

// A scenario's "set" object: config overrides that make the variant it
// studies; the command line's --set come after it and win.
std::vector<config::Override> scenario_overrides(const config::Json& doc, const std::string& file) {
    std::vector<config::Override> out;
    if (!doc.is_object() || !doc.contains("set")) return out;
    const config::Json& set = doc["set"];
    if (!set.is_object()) {
        throw config::InputError({{file, "/set", "expected an object of config paths to values, got " +
                                                     config::describe(set), ""}});
    }
    for (auto it = set.begin(); it != set.end(); ++it) {
        config::Override o = config::parse_override(it.key() + "=x");
        o.value = it.value();
        o.text = file + " /set/" + it.key();
        out.push_back(o);
    }
    return out;
}

Inputs load_inputs(const std::string& scenario_path, const std::string& config_path,
                   const std::vector<std::string>& sets, std::optional<std::uint64_t> seed,
                   const std::vector<std::string>& scenario_sets) {
    Inputs in;
    in.scenario_path = scenario_path;
    config::Json scn_doc = config::load_json_file(scenario_path);
    if (!scenario_sets.empty()) {
        config::Diagnostics diag(scenario_path);
        config::apply_overrides(scn_doc, parse_sets(scenario_sets), diag);
        diag.throw_if_any();
    }
    in.config_path = config_path.empty() ? scenario::config_named_by(scn_doc, scenario_path)
                                         : config_path;
    if (in.config_path.empty()) {
        throw config::InputError({{scenario_path, "",
                                   "names no config (add \"config\": \"path/to/config.json\") "
                                   "and none was given with --config",
                                   ""}});
    }
    std::vector<config::Override> overrides = scenario_overrides(scn_doc, scenario_path);
    for (auto& o : parse_sets(sets)) overrides.push_back(o);
    in.config = config::load_system_config(in.config_path, overrides);
    in.scenario = scenario::parse_scenario(scn_doc, scenario_path, in.config);
    in.seed = seed ? *seed : in.scenario.seed ? *in.scenario.seed : in.config.simulation.seed;
    in.config.simulation.seed = in.seed;
    return in;
}

}  // namespace invalsim::cli
