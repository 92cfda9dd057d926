#include <iostream>

#include "sim/cli/commands.h"
#include "sim/cli/inputs.h"
#include "sim/cli/options.h"
#include "sim/cli/topology.h"

namespace invalsim::cli {

int check_command(const std::vector<std::string>& args) {
    InputOptions opts;
    po::options_description desc("check options");
    add_input_options(desc, opts);
    if (!parse_options(args, desc,
                       "usage: invalsim check [--config FILE] [--scenario FILE] [--set PATH=VALUE ...]"
                       "\n\nValidates the config (and the scenario against it) and prints the "
                       "resolved topology. Exit 0 when valid, 2 otherwise.")) {
        return kExitOk;
    }
    if (!opts.scenario.empty()) {
        const Inputs in = load_inputs(opts.scenario, opts.config, opts.sets, std::nullopt);
        std::cout << "config " << in.config_path << ": valid\n"
                  << "scenario " << in.scenario_path << ": valid\n"
                  << describe_topology(in.config);
        return kExitOk;
    }
    const std::string path = opts.config.empty() ? kDefaultConfig : opts.config;
    const config::SystemConfig cfg = load_config_only(path, opts.sets);
    std::cout << "config " << path << ": valid\n" << describe_topology(cfg);
    return kExitOk;
}

}  // namespace invalsim::cli
