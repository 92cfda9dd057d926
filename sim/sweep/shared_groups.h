#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sim/sweep/point_command.h"

namespace invalsim::sweep {

// Which points may share their run up to barrier `barrier` (sweep
// --fork-at, sim/cli/shared_start.h): those with the same command, files,
// config overrides and seed whose scenario overrides differ only in fields
// of ops after that barrier in CPUs that wait at it (not in the fields that
// name barriers and events, which shape the run from its start). Returns
// groups of indices into `points`, taken from `todo` in order, each group
// run by one process; a point whose own scenario (its values applied) has no
// CPU waiting at the barrier, or has one that does not wait replaying a
// trace, runs alone. Throws InputError when no point has the barrier.
std::vector<std::vector<std::size_t>> shared_start_groups(const std::vector<PointPlan>& points,
                                                          const std::vector<std::size_t>& todo,
                                                          const std::string& barrier);

}  // namespace invalsim::sweep
