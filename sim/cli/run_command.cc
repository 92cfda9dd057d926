#include <filesystem>
#include <iostream>

#include "sim/cli/commands.h"
#include "sim/cli/inputs.h"
#include "sim/cli/options.h"
#include "sim/cli/run_output.h"
#include "sim/cli/simulation.h"
#include "sim/cli/summary.h"

namespace invalsim::cli {

int run_command(const std::vector<std::string>& args) {
    RunOptions opts;
    po::options_description desc("run options");
    add_run_options(desc, opts);
    desc.add_options()("check", po::bool_switch(&opts.check),
                       "check every load and write-back against the golden memory model");
    if (!parse_options(args, desc,
                       "usage: invalsim run [[--scenario] FILE] [--config FILE] [--set PATH=VALUE ...] "
                       "[--seed N] [--out DIR] [--check]\n\nBuilds the system from the config, runs "
                       "the scenario, prints a summary and writes the results to --out. The scenario "
                       "may be given as the one bare argument: `invalsim run S.json`.",
                       "scenario")) {
        return kExitOk;
    }
    return simulate_and_write(opts, {opts.check, 4}, [](const FinishedRun& run) {
        if (!run.quiet) {
            std::cout << "invalsim: " << run.inputs.scenario_path << " on " << run.inputs.config_path << "\n"
                      << run_summary(run.result.stats, run.host) << "results: " << run.out << "/stats.json\n";
        }
        return finish_exit_status(run.result, run.interrupts);
    });
}

}  // namespace invalsim::cli
