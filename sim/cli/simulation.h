#pragma once

#include <exception>
#include <vector>

#include "sim/cli/inputs.h"
#include "sim/cli/interrupts.h"
#include "sim/cli/shared_start.h"
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
    config::Json shared_start;  // SharedStart::host_note
    // What stopped a failed run (rethrown once its partial results are
    // written); null when it ended by itself.
    std::exception_ptr error;
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
// A run that fails part-way (an error, an exception, a deadlock, a signal
// caught by `interrupts`) still returns its statistics so far, with
// outcome.incomplete saying why.
// With a `shared` start, the process may end as another sweep point: its
// statistics then name that point's inputs (shared->inputs(in)).
SimulationResult simulate(const Inputs& in, const CheckOptions& check, const std::string& trace_file,
                          InterruptGuard& interrupts, SharedStart* shared = nullptr);

}  // namespace invalsim::cli
