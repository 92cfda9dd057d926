#pragma once

#include <string>
#include <vector>

#include "sim/config/json.h"

namespace invalsim::cli {

struct HostFigures {
    double seconds = 0;
    std::uint64_t peak_rss_bytes = 0;
    std::uint64_t accesses = 0;  // CPU memory transactions
    std::vector<double> invalidate_seconds;  // per invalidate call
    config::Json shared_start;               // a sweep's shared start, else null
};

// The short human summary printed after a run, from stats.json's content.
std::string run_summary(const config::Json& stats, const HostFigures& host);

// The same figures as JSON, written to host.json (not to stats.json: host
// time differs from run to run, statistics must not).
config::Json host_json(const HostFigures& host);

HostFigures measure_host(double seconds, const config::Json& stats);

}  // namespace invalsim::cli
