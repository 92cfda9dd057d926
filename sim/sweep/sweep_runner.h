#pragma once

#include <string>
#include <vector>

#include "sim/config/json.h"
#include "sim/sweep/point_command.h"
#include "sim/sweep/sweep_spec.h"

namespace invalsim::sweep {

// Every point of a sweep with its fingerprint, for one results folder.
struct Plan {
    std::string results;  // absolute
    std::vector<PointPlan> points;
    std::vector<config::Json> fingerprints;
};

// Plans every point and checks the first one resolves (see preflight).
// Throws InputError for a bad spec.
Plan make_plan(const SweepSpec& spec, const std::string& results, const std::string& exe);

// Writes results/sweep.json (the points, their command lines and
// fingerprints), which the local runner, --emit, --run-point and --collect
// all read.
void write_plan(const SweepSpec& spec, const Plan& plan);

struct RunnerOptions {
    unsigned jobs = 1;
    bool force = false;     // redo points whose results are complete
    bool terminal = false;  // progress as a bar redrawn in place
    std::string fork_at;    // a barrier: points differing only after it share their run up to it
};

// Runs every point as its own process, `jobs` at a time, skipping complete
// ones unless forced; a failed point is recorded and the others go on.
// Shows progress on stderr. Returns the number of failed points.
// SIGINT or SIGTERM stops it early: no new point starts, running ones get
// the signal once and are recorded as failed, so a re-run redoes them.
std::size_t run_points(const Plan& plan, const RunnerOptions& opts);

// The signal that stopped the last run_points early, 0 if none.
int interrupted_by();

// Runs point `index` of the plan in `results` (written by write_plan) and
// returns its exit status: what each line of an emitted job list does.
int run_planned_point(const std::string& results, std::size_t index);

}  // namespace invalsim::sweep
