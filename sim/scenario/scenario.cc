#include "sim/scenario/scenario.h"

namespace invalsim::scenario {

bool CoherenceExpect::holds(std::uint64_t got) const {
    if (op == ">") return got > value;
    if (op == ">=") return got >= value;
    if (op == "<") return got < value;
    if (op == "<=") return got <= value;
    if (op == "!=") return got != value;
    return got == value;
}

std::vector<CoherenceExpect> Scenario::coherence_expectations() const {
    std::vector<CoherenceExpect> all;
    for (const char* name : {"stale_reads", "resurrections", "device_mismatches"}) {
        CoherenceExpect e{name, "", "0", "==", 0};
        for (const auto& c : coherence) {
            if (c.name == name && c.step.empty()) e = c;
        }
        all.push_back(e);
    }
    for (const auto& c : coherence) {
        if (!c.step.empty() || c.name == "loads_checked") all.push_back(c);
    }
    return all;
}

}  // namespace invalsim::scenario
