#include "sim/cli/run_output.h"

#include <filesystem>

#include "sim/cli/commands.h"
#include "sim/config/config_loader.h"
#include "sim/stats/run_report.h"

namespace invalsim::cli {

std::string RunOptions::scenario_or_default() const {
    return inputs.scenario.empty() ? kDefaultScenario : inputs.scenario;
}

void add_run_options(po::options_description& desc, RunOptions& opts) {
    add_input_options(desc, opts.inputs);
    desc.add_options()
        ("seed", po::value<std::uint64_t>()->value_name("N")->notifier([&opts](std::uint64_t s) { opts.seed = s; }),
         "seed of every random choice (overrides scenario and config)")
        ("out,o", po::value(&opts.out)->value_name("DIR"),
         "output folder for stats.json, host.json and config.resolved.json (default: invalsim-out)")
        ("quiet,q", po::bool_switch(&opts.quiet), "print nothing but errors")
        ("trace", po::value(&opts.trace)->value_name("FILE"),
         "write the run's timeline to FILE (Chrome trace-event JSON: open it in ui.perfetto.dev)");
}

HostFigures write_results(const std::string& dir, const Inputs& in, const SimulationResult& res) {
    HostFigures host = measure_host(res.host_seconds, res.stats);
    host.invalidate_seconds = res.call_host_seconds;
    std::filesystem::create_directories(dir);
    stats::write_file_atomically(dir + "/config.resolved.json", config::resolved_json(in.config).dump(2) + "\n");
    stats::write_file_atomically(dir + "/stats.json", res.stats.dump(2) + "\n");
    stats::write_file_atomically(dir + "/host.json", host_json(host).dump(2) + "\n");
    return host;
}

int finish_exit_status(const SimulationResult& res, const InterruptGuard& interrupts) {
    if (res.error) std::rethrow_exception(res.error);
    if (const int sig = interrupts.signal()) return 128 + sig;
    return res.outcome.ok() ? kExitOk : kExitExpectFailed;
}

}  // namespace invalsim::cli
