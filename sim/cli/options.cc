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
         "override a config value, e.g. --set caches.l1d.size=64KiB (repeatable)");
}

bool parse_options(const std::vector<std::string>& args, const po::options_description& desc,
                   const std::string& usage) {
    po::options_description all = desc;
    all.add_options()("help,h", "show this help");
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).run(), vm);
    if (vm.count("help")) {
        std::cout << usage << "\n\n" << all << "\n";
        return false;
    }
    po::notify(vm);
    return true;
}

}  // namespace invalsim::cli
