#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/config/json.h"
#include "sim/sweep/sweep_spec.h"

namespace invalsim::sweep {

// How one point runs: its inputs, overrides and folder, every path absolute
// so that the point runs the same from any folder (a cluster node too).
struct PointPlan {
    std::size_t index = 0;
    std::string exe;                         // the invalsim binary
    std::string dir;                         // RESULTS/points/NNNNN
    config::Json values;                     // parameter path -> value
    std::string command = "run";             // or "validate"
    std::string scenario;
    std::string config;                      // "" for the one the scenario names
    std::vector<std::string> sets;           // --set PATH=VALUE
    std::vector<std::string> scenario_sets;  // --scenario-set PATH=VALUE
    std::optional<std::string> seed;

    std::vector<std::string> argv() const;
    config::Json to_json() const;
    static PointPlan from_json(const config::Json& j);
};

PointPlan plan_point(const SweepSpec& spec, const Point& p, const std::string& exe, const std::string& results);

// The folder of point `index` under a sweep's results folder.
std::string point_dir(const std::string& results, std::size_t index);

// `path` made absolute and normal; built-in files ("builtin:...") unchanged.
std::string absolute_path(const std::string& path);

// A shell-safe rendering of an argv, for job lists and Slurm scripts.
std::string shell_line(const std::vector<std::string>& argv);

}  // namespace invalsim::sweep
