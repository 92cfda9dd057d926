#pragma once

#include <string>
#include <vector>

#include "sim/sweep/sweep_spec.h"

namespace invalsim::sweep {

// The invalsim command line that runs one point into `out_dir`.
std::vector<std::string> point_argv(const SweepSpec& spec, const Point& p, const std::string& exe,
                                    const std::string& out_dir);

// The folder of point `index` under a sweep's results folder.
std::string point_dir(const std::string& results, std::size_t index);

// A shell-safe rendering of an argv, for job lists and Slurm scripts.
std::string shell_line(const std::vector<std::string>& argv);

}  // namespace invalsim::sweep
