#pragma once

#include <string>

#include "sim/sweep/sweep_spec.h"

namespace invalsim::sweep {

// Writes, under `dir`, what a cluster needs to run the sweep: sweep.json
// (the plan), jobs.txt (one command per point, for GNU parallel) and
// sweep.sbatch (a Slurm job array, `chunk` points per array task). Results
// land in dir/points/NNNNN; `invalsim sweep --collect dir` merges them.
void emit_slurm(const SweepSpec& spec, const std::string& dir, const std::string& exe, std::size_t chunk);

}  // namespace invalsim::sweep
