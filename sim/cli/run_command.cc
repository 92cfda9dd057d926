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
    InterruptGuard interrupts;
    const Inputs own = load_inputs(opts.scenario_or_default(), opts.inputs.config, opts.inputs.sets, opts.seed,
                                   opts.inputs.scenario_sets);
    SharedStart shared(opts);
    prepare_outputs(opts);
    const SimulationResult res = simulate(own, {opts.check, 4}, opts.trace, interrupts, &shared);
    // After a shared start this process may have become another point.
    const Inputs& in = shared.inputs(own);
    const std::string& out = shared.out(opts.out);
    const HostFigures host = write_results(out, in, res);
    if (!shared.quiet(opts.quiet)) {
        std::cout << "invalsim: " << in.scenario_path << " on " << in.config_path << "\n"
                  << run_summary(res.stats, host) << "results: " << out << "/stats.json\n";
    }
    return finish_exit_status(res, interrupts);
}

}  // namespace invalsim::cli
