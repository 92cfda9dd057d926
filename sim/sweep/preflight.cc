#include "sim/sweep/preflight.h"

#include "sim/cli/inputs.h"
#include "sim/config/diagnostics.h"

namespace invalsim::sweep {

namespace {

// "config.a.0.b" -> "/a/0/b" (the JSON pointer the path sets).
std::string pointer_of(const std::string& path) {
    std::string p = "/" + path.substr(path.find('.') + 1);
    for (char& c : p) c = c == '.' ? '/' : c;
    return p;
}

bool is_prefix(const std::string& parent, const std::string& pointer) {
    return pointer.compare(0, parent.size(), parent) == 0 &&
           (pointer.size() == parent.size() || pointer[parent.size()] == '/');
}

bool names_nothing(const config::Diagnostic& d, const std::string& pointer) {
    const auto starts = [&](const char* s) { return d.message.rfind(s, 0) == 0; };
    return is_prefix(d.pointer, pointer) &&
           (starts("unknown key") || starts("cannot apply") || starts("missing required key"));
}

std::optional<std::uint64_t> seed_of(const PointPlan& p) {
    if (!p.seed || p.seed->empty() || p.seed->find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;  // a bad seed is the point's own error
    }
    return std::stoull(*p.seed);
}

}  // namespace

void preflight(const SweepSpec& spec, const PointPlan& first) {
    const std::optional<std::uint64_t> seed = seed_of(first);
    try {
        cli::load_inputs(first.scenario, first.config, first.sets, seed, first.scenario_sets);
    } catch (const config::InputError& e) {
        std::vector<config::Diagnostic> bad;
        const auto check = [&](const Parameter& p, const std::string& group) {
            if (p.path.find('.') == std::string::npos) return;
            const bool in_scenario = p.path.rfind("scenario.", 0) == 0;
            const std::string where = "/" + group + "/" + p.path;
            for (const auto& d : e.diagnostics()) {
                if ((d.file == first.scenario) != in_scenario || !names_nothing(d, pointer_of(p.path))) continue;
                const auto origin = spec.origins.find(where);
                bad.push_back({spec.file, where,
                               std::string("names no ") + (in_scenario ? "scenario" : "config") +
                                   " value: " + to_string(d),
                               origin == spec.origins.end() ? "" : origin->second});
                return;
            }
        };
        for (const auto& p : spec.product) check(p, "parameters");
        for (const auto& p : spec.zip) check(p, "zip");
        if (!bad.empty()) throw config::InputError(bad);
    }
}

}  // namespace invalsim::sweep
