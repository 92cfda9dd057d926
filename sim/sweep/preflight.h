#pragma once

#include "sim/sweep/point_command.h"
#include "sim/sweep/sweep_spec.h"

namespace invalsim::sweep {

// Resolves the first point's config and scenario as its process would,
// before any point runs, and throws InputError naming the spec and the
// parameter when a swept path names nothing (an unknown key, an index past
// the end of an array): every point would fail the same way. A bad value
// is left to its point, which fails alone.
void preflight(const SweepSpec& spec, const PointPlan& first);

}  // namespace invalsim::sweep
