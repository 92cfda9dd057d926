#include "sim/sweep/shared_groups.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/sweep/point_inputs.h"

namespace invalsim::sweep {

using config::Json;

namespace {

constexpr std::size_t kNone = ~std::size_t{0};

// Per CPU of a scenario: the index of its first op waiting at the barrier.
struct BarrierPlaces {
    std::map<std::string, std::size_t> at;
    bool untraced_outsiders = true;  // no CPU outside the barrier replays a trace
};

// From the point's own scenario, its values applied: they may move the barrier.
BarrierPlaces places_in(const Json& doc, const std::string& barrier) {
    BarrierPlaces p;
    if (!doc.is_object() || !doc.contains("cpus") || !doc["cpus"].is_object()) return p;
    for (auto it = doc["cpus"].begin(); it != doc["cpus"].end(); ++it) {
        if (!it.value().is_array()) continue;
        std::size_t at = kNone;
        bool traces = false;
        for (std::size_t i = 0; i < it.value().size(); ++i) {
            const Json& op = it.value()[i];
            if (!op.is_object()) continue;
            const std::string kind = op.value("op", "");
            if (at == kNone && kind == "barrier" && op.value("name", "") == barrier) at = i;
            traces = traces || kind == "trace";
        }
        if (at != kNone) p.at[it.key()] = at;
        if (at == kNone && traces) p.untraced_outsiders = false;
    }
    return p;
}

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> parts;
    std::stringstream in(path);
    for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
    return parts;
}

// Whether a --scenario-set PATH=VALUE changes only an op after the barrier.
bool after_barrier(const std::string& set, const BarrierPlaces& p) {
    const std::vector<std::string> parts = split(set.substr(0, set.find('=')));
    if (parts.size() < 4 || parts[0] != "cpus") return false;
    const auto it = p.at.find(parts[1]);
    if (it == p.at.end() || parts[2].empty() ||
        !std::all_of(parts[2].begin(), parts[2].end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    static const std::set<std::string> shaping = {"op", "name", "signal"};
    return std::stoull(parts[2]) > it->second && shaping.count(parts[3]) == 0;
}

std::string shared_key(const PointPlan& plan, const BarrierPlaces& p) {
    std::string key = plan.exe + '\n' + plan.command + '\n' + plan.scenario + '\n' + plan.config + '\n' +
                      plan.seed.value_or("-") + '\n';
    for (const auto& s : plan.sets) key += "set " + s + '\n';
    for (const auto& s : plan.scenario_sets) {
        if (!after_barrier(s, p)) key += "scenario-set " + s + '\n';
    }
    return key;
}

}  // namespace

std::vector<std::vector<std::size_t>> shared_start_groups(const std::vector<PointPlan>& points,
                                                          const std::vector<std::size_t>& todo,
                                                          const std::string& barrier) {
    std::map<std::string, std::size_t> group_of;
    std::vector<std::vector<std::size_t>> groups;
    bool any_barrier = todo.empty();
    for (const std::size_t i : todo) {
        const PointPlan& plan = points[i];
        const std::optional<Json> doc = resolved_scenario(plan);
        if (!doc) {
            groups.push_back({i});  // its values do not apply: it fails on its own
            any_barrier = true;     // unknown
            continue;
        }
        const BarrierPlaces places = places_in(*doc, barrier);
        if (places.at.empty() || !places.untraced_outsiders) {
            // No barrier to share a run up to; or a trace file, whose read
            // position two processes cannot share.
            groups.push_back({i});
            continue;
        }
        any_barrier = true;
        const auto [it, fresh] = group_of.emplace(shared_key(plan, places), groups.size());
        if (fresh) groups.emplace_back();
        groups[it->second].push_back(i);
    }
    if (!any_barrier) {
        throw config::InputError({{points[todo.front()].scenario, "/cpus",
                                   "no CPU waits at a barrier named \"" + barrier + "\"", "--fork-at " + barrier}});
    }
    return groups;
}

}  // namespace invalsim::sweep
