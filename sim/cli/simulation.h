#pragma once

#include <vector>

#include "sim/cli/inputs.h"
#include "sim/config/json.h"
#include "sim/stats/run_report.h"

namespace invalsim::cli {

// One run of the SystemC kernel over the inputs. SystemC allows one
// elaboration per process, so a process runs at most one simulation.
struct SimulationResult {
    config::Json stats;        // the stats.json document
    stats::RunOutcome outcome;
    std::vector<double> call_host_seconds;  // per invalidate call
    double host_seconds = 0;
};

// Coherence checking: off, or on with this many examples kept per step.
struct CheckOptions {
    bool enabled = false;
    std::size_t examples_per_step = 4;
};

// With checking, the golden model checks every load and write-back, and the
// document gains a "coherence" section.
// With a `trace_file`, the run's timeline is written there (Chrome trace
// events, for Perfetto).
SimulationResult simulate(const Inputs& in, const CheckOptions& check, const std::string& trace_file = "");

}  // namespace invalsim::cli
