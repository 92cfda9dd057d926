#include <chrono>
#include <filesystem>
#include <iostream>

#include <systemc>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "models/common/sc_time_conv.h"
#include "sim/build/system.h"
#include "sim/cli/commands.h"
#include "sim/cli/inputs.h"
#include "sim/cli/options.h"
#include "sim/cli/summary.h"
#include "sim/config/config_loader.h"
#include "sim/config/diagnostics.h"
#include "sim/stats/run_report.h"

namespace invalsim::cli {

namespace {

struct RunOptions {
    InputOptions inputs;
    std::optional<std::uint64_t> seed;
    std::string out = "invalsim-out";
    bool quiet = false;
};

// SystemC allows one elaboration per process, so a run is the whole life of
// the process's SystemC kernel.
config::Json simulate(const Inputs& in, stats::RunOutcome& outcome, std::vector<double>& call_seconds) {
    sc_core::sc_report_handler::set_actions(sc_core::SC_WARNING,
                                            sc_core::SC_DISPLAY | sc_core::SC_THROW);
    // The only informational report is sc_stop()'s, after a workload error
    // that is reported properly below.
    sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    tlm_utils::tlm_quantumkeeper::set_global_quantum(common::to_sc(in.config.simulation.quantum));
    build::System system("system", in.config, in.scenario, in.seed);
    sc_core::sc_start();
    for (const cpu::Cpu* c : system.cpus()) {
        if (!c->error().empty()) {
            throw config::InputError({{in.scenario_path, c->error_where(), c->error(), ""}});
        }
    }
    system.framework().finalize();
    call_seconds = system.framework().host_seconds();
    stats::StatsTree tree;
    system.register_stats(tree);
    outcome = stats::collect_outcome(system.cpus(), common::from_sc(sc_core::sc_time_stamp()));
    return tree.to_json();
}

void write_outputs(const std::string& dir, const config::Json& stats, const config::Json& resolved,
                   const config::Json& host) {
    std::filesystem::create_directories(dir);
    stats::write_file_atomically(dir + "/config.resolved.json", resolved.dump(2) + "\n");
    stats::write_file_atomically(dir + "/stats.json", stats.dump(2) + "\n");
    stats::write_file_atomically(dir + "/host.json", host.dump(2) + "\n");
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
    RunOptions opts;
    po::options_description desc("run options");
    add_input_options(desc, opts.inputs);
    desc.add_options()
        ("seed", po::value<std::uint64_t>()->value_name("N")->notifier([&](std::uint64_t s) { opts.seed = s; }),
         "seed of every random choice (overrides scenario and config)")
        ("out,o", po::value(&opts.out)->value_name("DIR"),
         "output folder for stats.json, host.json and config.resolved.json (default: invalsim-out)")
        ("quiet,q", po::bool_switch(&opts.quiet), "print nothing but errors");
    if (!parse_options(args, desc,
                       "usage: invalsim run [--scenario FILE] [--config FILE] [--set PATH=VALUE ...] "
                       "[--seed N] [--out DIR]\n\nBuilds the system from the config, runs the "
                       "scenario, prints a summary and writes the results to --out.")) {
        return kExitOk;
    }
    const std::string scenario = opts.inputs.scenario.empty() ? kDefaultScenario : opts.inputs.scenario;
    const Inputs in = load_inputs(scenario, opts.inputs.config, opts.inputs.sets, opts.seed);

    const auto start = std::chrono::steady_clock::now();
    stats::RunOutcome outcome;
    std::vector<double> call_seconds;
    const config::Json system_stats = simulate(in, outcome, call_seconds);
    const double host_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const config::Json stats = stats::stats_document(
        {in.config.name, in.scenario.name, in.seed}, outcome, system_stats);
    HostFigures host = measure_host(host_s, stats);
    host.invalidate_seconds = call_seconds;
    write_outputs(opts.out, stats, config::resolved_json(in.config), host_json(host));
    if (!opts.quiet) {
        std::cout << "invalsim: " << in.scenario_path << " on " << in.config_path << "\n"
                  << run_summary(stats, host) << "results: " << opts.out << "/stats.json\n";
    }
    return outcome.ok() ? kExitOk : kExitExpectFailed;
}

}  // namespace invalsim::cli
