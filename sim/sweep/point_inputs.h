#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/json.h"
#include "sim/sweep/point_command.h"

namespace invalsim::sweep {

// The point's scenario as it runs: its scenario.* values and seed applied,
// trace files made absolute and its config pointing at the point's
// config.resolved.json, so that the point's folder alone reruns it:
//   cd POINT && invalsim run --scenario scenario/NAME.json
// nullopt when the overrides cannot apply (the point then fails on its own).
std::optional<config::Json> resolved_scenario(const PointPlan& plan);

// Where the point keeps it: POINT/scenario/<the scenario's own file name>,
// so that its statistics name the same scenario.
std::string resolved_scenario_path(const PointPlan& plan);

// What decides whether a point's results on disk are still its results:
// its command line, a hash of every input it reads (scenario, config and
// trace files) and of the invalsim binary, with its version.
class Fingerprinter {
public:
    explicit Fingerprinter(const std::string& exe);
    // Throws InputError when the point's scenario or config cannot be read.
    config::Json of(const PointPlan& plan);

private:
    const config::Json& json_doc(const std::string& path);  // read once per sweep
    std::string json_hash(const std::string& path);
    std::string file_hash(const std::string& path);

    config::Json m_invalsim;
    std::map<std::string, std::string> m_hashes;
    std::map<std::string, config::Json> m_docs;
};

// FNV-1a, 64 bits, as 16 hex digits: a change detector, not a signature.
std::string content_hash(const std::string& bytes);

}  // namespace invalsim::sweep
