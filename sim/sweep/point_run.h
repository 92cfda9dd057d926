#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "sim/config/json.h"
#include "sim/sweep/point_command.h"

namespace invalsim::sweep {

// Readies the point's folder (point.json with its command and fingerprint,
// the resolved scenario, no stale status) and starts the point's process
// with its stdout and stderr going to stdout.txt and stderr.txt there.
// `extra` words go after the point's own command line (a shared start's
// --fork-at and --fork-point: not part of the point, so not in point.json).
pid_t start_point(const PointPlan& plan, const config::Json& fingerprint,
                  const std::vector<std::string>& extra = {});

// Readies the point's folder as start_point does, without starting it: for
// the points that fork from another point's run (a shared start).
void ready_point(const PointPlan& plan, const config::Json& fingerprint);

// Whether the point has a status and it is not "failed".
bool point_status_ok(const std::string& dir);

// The status of a point that never ran: "failed" with `why`.
void record_not_run(const std::string& dir, const std::string& why);

// Writes the point's status.json from its process's wait status: "ok",
// "expect_failed" (exit 1: it ran, an expectation failed) or "failed" with
// the error (the last line of its stderr). Returns whether it did not fail.
bool finish_point(const std::string& dir, int wstatus);

// Both, waiting in between: what a job-list line or a Slurm task runs for
// one point. Returns the point's exit status.
int run_point_and_wait(const PointPlan& plan, const config::Json& fingerprint);

}  // namespace invalsim::sweep
