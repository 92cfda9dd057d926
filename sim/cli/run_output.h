#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/inputs.h"
#include "sim/cli/options.h"
#include "sim/cli/simulation.h"
#include "sim/cli/summary.h"

namespace invalsim::cli {

// Options shared by `run` and `validate`.
struct RunOptions {
    InputOptions inputs;
    std::optional<std::uint64_t> seed;
    std::string out = "invalsim-out";
    bool quiet = false;
    bool check = false;
    std::string trace;
    // A sweep's shared start (sim/cli/shared_start.h): the barrier, and the
    // folders of the points that fork from this run there.
    std::string fork_at;
    std::vector<std::string> fork_points;

    std::string scenario_or_default() const;
};

void add_run_options(po::options_description& desc, RunOptions& opts);

// Creates `dir` when needed; throws InputError naming `option` when it is
// not a folder this process can write to.
void ensure_writable_dir(const std::string& option, const std::string& dir);

// Creates the --out folder and the --trace file's folder, before any
// simulation time is spent; throws InputError when either is unusable.
void prepare_outputs(const RunOptions& opts);

// Writes stats.json, host.json and config.resolved.json to `dir`.
HostFigures write_results(const std::string& dir, const Inputs& in, const SimulationResult& res);

// A run's exit status once its results are written: its failure rethrown
// (sc_main turns that into 2 or 3), 128 + the signal that interrupted it,
// else 0, or 1 when an expectation failed or a CPU stayed blocked.
int finish_exit_status(const SimulationResult& res, const InterruptGuard& interrupts);

// A run of `run` or `validate` once its results are written. After a shared
// start, `inputs` and `out` are those of the point this process became.
struct FinishedRun {
    const SimulationResult& result;
    const Inputs& inputs;
    const std::string& out;
    const HostFigures& host;
    bool quiet;
    const InterruptGuard& interrupts;
};

// What `run` and `validate` share: loads the inputs, runs them (as a shared
// start when --fork-at is given), writes the results and returns what
// `report` returns.
int simulate_and_write(const RunOptions& opts, CheckOptions check,
                       const std::function<int(const FinishedRun&)>& report);

}  // namespace invalsim::cli
