#pragma once

#include <sys/types.h>

#include <string>

#include "sim/config/json.h"
#include "sim/sweep/point_command.h"

namespace invalsim::sweep {

// Readies the point's folder (point.json with its command and fingerprint,
// the resolved scenario, no stale status) and starts the point's process
// with its stdout and stderr going to stdout.txt and stderr.txt there.
pid_t start_point(const PointPlan& plan, const config::Json& fingerprint);

// Writes the point's status.json from its process's wait status: "ok",
// "expect_failed" (exit 1: it ran, an expectation failed) or "failed" with
// the error (the last line of its stderr). Returns whether it did not fail.
bool finish_point(const std::string& dir, int wstatus);

// Both, waiting in between: what a job-list line or a Slurm task runs for
// one point. Returns the point's exit status.
int run_point_and_wait(const PointPlan& plan, const config::Json& fingerprint);

}  // namespace invalsim::sweep
