#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/cpu/op.h"

namespace invalsim::scenario {

// "stale_reads": ">0" and the like: a bound on a coherence figure of the
// whole run, or of one flow step (the sum over the steps of that name).
struct CoherenceExpect {
    std::string name;   // stale_reads, resurrections, device_mismatches, loads_checked
    std::string step;   // "" for the whole run
    std::string text;   // as written: "0", ">0", ">= 3", "<10"
    std::string op = "==";
    std::uint64_t value = 0;
    bool holds(std::uint64_t got) const;
};

struct Scenario {
    std::string file;
    std::string name;         // file name without folder and extension
    std::string description;
    std::string flow;         // labels for reports (docs/scenarios.md); optional
    std::string variant;
    std::string config;       // the config it names, resolved against its folder; "" if none
    std::optional<std::uint64_t> seed;
    std::vector<cpu::Program> programs;  // one per CPU, index = CPU number
    std::vector<CoherenceExpect> coherence;  // stated in "expect"; missing run-wide ones mean 0

    // Every bound to check: the run-wide stale reads, resurrections and
    // device mismatches (0 unless stated), then whatever else is stated.
    std::vector<CoherenceExpect> coherence_expectations() const;
};

}  // namespace invalsim::scenario
