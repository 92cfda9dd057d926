#pragma once

#include <systemc>

#include "models/common/duration.h"

namespace invalsim::common {

// The one place where core time (Duration, picoseconds) meets SystemC time.
// The simulator runs with SystemC's default 1 ps resolution (checked at
// start-up), so a tick of sc_time is a picosecond.
inline sc_core::sc_time to_sc(Duration d) { return sc_core::sc_time::from_value(d.as_ps()); }
inline Duration from_sc(const sc_core::sc_time& t) { return Duration::ps(t.value()); }
inline Duration kernel_now() { return from_sc(sc_core::sc_time_stamp()); }

}  // namespace invalsim::common
