#include "sim/cli/options.h"

#include <iostream>
#include <utility>

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

namespace {

// Boost keeps words that belong to no option as positional tokens and, with
// no positional description, silently drops them; a forgotten `--scenario`
// would then run the default scenario. Every such word is accounted for here.
void take_positional(po::parsed_options& parsed, const char* positional) {
    const std::vector<std::string> words = po::collect_unrecognized(parsed.options, po::include_positional);
    if (words.empty()) return;
    if (positional == nullptr) {
        throw po::error("unexpected argument \"" + words[0] + "\": this command takes options only");
    }
    if (words.size() > 1) {
        throw po::error("unexpected argument \"" + words[1] + "\": only one bare argument (the " +
                        positional + ") is accepted");
    }
    std::vector<po::option> kept;
    for (auto& o : parsed.options) {
        if (o.string_key == positional) {
            throw po::error("unexpected argument \"" + words[0] + "\": the " + positional +
                            " is already given with --" + positional);
        }
        if (o.position_key < 0) kept.push_back(std::move(o));
    }
    kept.emplace_back(positional, std::vector<std::string>{words[0]});
    parsed.options = std::move(kept);
}

}  // namespace

bool parse_options(const std::vector<std::string>& args, const po::options_description& desc,
                   const std::string& usage, const char* positional) {
    po::options_description all = desc;
    all.add_options()("help,h", "show this help");
    po::variables_map vm;
    po::parsed_options parsed = po::command_line_parser(args).options(all).run();
    for (const auto& o : parsed.options) {
        if (o.string_key == "help") {
            std::cout << usage << "\n\n" << all << "\n";
            return false;
        }
    }
    take_positional(parsed, positional);
    po::store(parsed, vm);
    po::notify(vm);
    return true;
}

}  // namespace invalsim::cli
