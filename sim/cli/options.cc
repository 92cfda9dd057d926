#include "sim/cli/options.h"

#include <iostream>

namespace invalsim::cli {

void add_input_options(po::options_description& desc, InputOptions& opts) {
    desc.add_options()
        ("config,c", po::value(&opts.config)->value_name("FILE"),
         "system config (JSON); default: the one the scenario names")
        ("scenario,s", po::value(&opts.scenario)->value_name("FILE"),
         "scenario (JSON); default: the built-in default scenario")
        ("set", po::value(&opts.sets)->value_name("PATH=VALUE")->composing(),
         "override a config value, e.g. --set caches.l1d.size=64KiB (repeatable)")
        ("scenario-set", po::value(&opts.scenario_sets)->value_name("PATH=VALUE")->composing(),
         "override a scenario value, e.g. --scenario-set cpus.cpu0.1.len=1GiB (repeatable)");
}

bool parse_options(const std::vector<std::string>& args, const po::options_description& desc,
                   const std::string& usage, const po::positional_options_description* positional) {
    po::options_description all = desc;
    all.add_options()("help,h", "show this help");
    po::variables_map vm;
    po::command_line_parser parser(args);
    parser.options(all);
    if (positional) parser.positional(*positional);
    po::store(parser.run(), vm);
    if (vm.count("help")) {
        std::cout << usage << "\n\n" << all << "\n";
        return false;
    }
    po::notify(vm);
    return true;
}

}  // namespace invalsim::cli
