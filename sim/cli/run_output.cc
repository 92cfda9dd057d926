#include "sim/cli/run_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "sim/cli/commands.h"
#include "sim/cli/shared_start.h"
#include "sim/config/config_loader.h"
#include "sim/config/units.h"
#include "sim/stats/run_report.h"

namespace invalsim::cli {

namespace fs = std::filesystem;

std::string RunOptions::scenario_or_default() const {
    return inputs.scenario.empty() ? kDefaultScenario : inputs.scenario;
}

namespace {

// Boost would read "-1" as 2^64-1; a seed is parsed like every other integer.
std::uint64_t parse_seed(const std::string& text) {
    try {
        return config::parse_integer(text);
    } catch (const std::invalid_argument& e) {
        throw po::error(std::string("--seed: ") + e.what() + " (a seed is an integer from 0 to 2^64-1)");
    }
}

config::InputError output_error(const std::string& option, const std::string& message) {
    return config::InputError({{option, "", message, ""}});
}

}  // namespace

void add_run_options(po::options_description& desc, RunOptions& opts) {
    add_input_options(desc, opts.inputs);
    desc.add_options()
        ("seed", po::value<std::string>()->value_name("N")->notifier([&opts](const std::string& s) {
             opts.seed = parse_seed(s);
         }),
         "seed of every random choice, an integer from 0 to 2^64-1 (overrides scenario and config)")
        ("out,o", po::value(&opts.out)->value_name("DIR"),
         "output folder for stats.json, host.json and config.resolved.json (default: invalsim-out)")
        ("quiet,q", po::bool_switch(&opts.quiet), "print nothing but errors")
        ("trace", po::value(&opts.trace)->value_name("FILE"),
         "write the run's timeline to FILE (Chrome trace-event JSON: open it in ui.perfetto.dev)")
        ("fork-at", po::value(&opts.fork_at)->value_name("BARRIER"),
         "with --fork-point: when BARRIER first releases, fork a copy of the run for each other point "
         "(what `invalsim sweep --fork-at` passes; see docs/sweeps.md)")
        ("fork-point", po::value(&opts.fork_points)->value_name("DIR")->composing(),
         "a sweep point's folder (with its point.json) that forks from this run at --fork-at");
}

void ensure_writable_dir(const std::string& option, const std::string& dir) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        throw output_error(option, "\"" + dir + "\" exists and is not a folder");
    }
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) {
        throw output_error(option, "cannot create the folder \"" + dir + "\": " + ec.message());
    }
    if (access(dir.c_str(), W_OK | X_OK) != 0) {
        throw output_error(option, "cannot write to the folder \"" + dir + "\": " + std::strerror(errno));
    }
}

void prepare_outputs(const RunOptions& opts) {
    ensure_writable_dir("--out", opts.out);
    if (opts.trace.empty()) return;
    if (fs::is_directory(opts.trace)) {
        throw output_error("--trace", "\"" + opts.trace + "\" is a folder; give a file name");
    }
    const fs::path parent = fs::path(opts.trace).parent_path();
    ensure_writable_dir("--trace", parent.empty() ? std::string(".") : parent.string());
}

HostFigures write_results(const std::string& dir, const Inputs& in, const SimulationResult& res) {
    HostFigures host = measure_host(res.host_seconds, res.stats);
    host.invalidate_seconds = res.call_host_seconds;
    host.shared_start = res.shared_start;
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

int simulate_and_write(const RunOptions& opts, CheckOptions check,
                       const std::function<int(const FinishedRun&)>& report) {
    InterruptGuard interrupts;
    const Inputs own = load_inputs(opts.scenario_or_default(), opts.inputs.config, opts.inputs.sets, opts.seed,
                                   opts.inputs.scenario_sets);
    SharedStart shared(opts);
    prepare_outputs(opts);
    const SimulationResult res = simulate(own, check, opts.trace, interrupts, &shared);
    const Inputs& in = shared.inputs(own);
    const std::string& out = shared.out(opts.out);
    const HostFigures host = write_results(out, in, res);
    return report({res, in, out, host, shared.quiet(opts.quiet), interrupts});
}

}  // namespace invalsim::cli
