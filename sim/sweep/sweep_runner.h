#pragma once

#include <string>

#include "sim/sweep/sweep_spec.h"

namespace invalsim::sweep {

struct RunnerOptions {
    std::string results;  // results folder
    std::string exe;      // the invalsim binary points run with
    unsigned jobs = 1;
    bool force = false;   // redo points whose results are complete
};

// Writes results/sweep.json (the points and their command lines), used by
// the local runner, --emit and --collect alike.
void write_plan(const SweepSpec& spec, const std::string& results, const std::string& exe);

// Runs every point as its own process, `jobs` at a time, skipping complete
// ones unless forced; a failed point is recorded and the others go on.
// Shows progress on stderr (a bar on a terminal, lines otherwise). Returns
// the number of failed points.
std::size_t run_points(const SweepSpec& spec, const RunnerOptions& opts);

}  // namespace invalsim::sweep
