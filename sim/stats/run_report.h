#pragma once

#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/cpu/cpu.h"
#include "sim/config/json.h"

namespace invalsim::stats {

// The outcome of a finished run, as written to stats.json.
struct RunOutcome {
    common::Duration simulated_time;
    std::uint64_t expects_checked = 0;
    std::uint64_t expects_failed = 0;
    config::Json failures = config::Json::array();
    config::Json blocked = config::Json::array();  // CPUs that never finished, and why
    // Why the run stopped before its programs finished (a deadlock, an
    // error, a signal); "" when it ran to the end.
    std::string incomplete;
    bool ok() const { return expects_failed == 0 && blocked.empty() && incomplete.empty(); }
};

RunOutcome collect_outcome(const std::vector<const cpu::Cpu*>& cpus, common::Duration sim_time);

// stats.json: inputs, outcome and every component's statistics. Holds only
// what the simulation determines, so equal inputs give identical files;
// host measurements go to host.json. A run that stopped early has
// "incomplete": {"reason": ...} after its outcome, and the statistics of
// what it did.
struct RunIdentity {
    std::string config;    // config name
    std::string scenario;  // scenario name
    std::uint64_t seed = 0;
};
config::Json stats_document(const RunIdentity& id, const RunOutcome& outcome,
                            const config::Json& system_stats);

// Writes `text` to `path` through a temporary file and a rename, so a reader
// never sees a half-written file.
void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace invalsim::stats
