#pragma once

#include <string>
#include <vector>

#include "sim/sweep/sweep_spec.h"

namespace invalsim::sweep {

struct CollectSummary {
    std::size_t points = 0;
    std::size_t completed = 0;  // ran to the end (expectations may have failed)
    std::size_t failed = 0;
};

// Gathers every point's results under `results` into results.csv (one row
// per point: the swept parameters, status, then every numeric metric of its
// stats.json by dotted path) and results.jsonl (one JSON object per point
// with its full statistics). Points are read from results/sweep.json.
CollectSummary collect(const std::string& results);

// Whether a point's results on disk are complete and were made by the
// same command, inputs and binary (its fingerprint, see Fingerprinter).
bool point_complete(const std::string& dir, const config::Json& fingerprint);

// Every numeric or boolean leaf of a JSON document, by dotted path, in
// document order.
void flatten(const config::Json& j, const std::string& prefix,
             std::vector<std::pair<std::string, config::Json>>& out);

}  // namespace invalsim::sweep
