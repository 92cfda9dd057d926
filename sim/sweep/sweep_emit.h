#pragma once

#include <string>

#include "sim/sweep/sweep_runner.h"

namespace invalsim::sweep {

// Writes, in the plan's results folder (beside its sweep.json), what a
// cluster needs to run the sweep: jobs.txt (one command per point, for GNU
// parallel) and sweep.sbatch (a Slurm job array, `chunk` points per array
// task). Each command is `invalsim sweep --out DIR --run-point N`, which
// records the point's status and stderr in DIR/points/NNNNN as a local run
// does; `invalsim sweep --collect DIR` merges them.
void emit_slurm(const Plan& plan, std::size_t chunk);

}  // namespace invalsim::sweep
