#include "sim/sweep/point_command.h"

#include <cstdio>
#include <filesystem>

#include "sim/config/json_source.h"

namespace invalsim::sweep {

using config::Json;

namespace {

// A value as --set takes it: strings raw, everything else as JSON.
std::string text_of(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

Json strings(const std::vector<std::string>& v) { return Json(v); }

std::vector<std::string> strings_of(const Json& j) { return j.get<std::vector<std::string>>(); }

}  // namespace

std::string absolute_path(const std::string& path) {
    if (path.empty() || config::is_builtin(path)) return path;
    return std::filesystem::absolute(path).lexically_normal().generic_string();
}

PointPlan plan_point(const SweepSpec& spec, const Point& p, const std::string& exe, const std::string& results) {
    PointPlan plan;
    plan.index = p.index;
    plan.exe = exe;
    plan.dir = point_dir(absolute_path(results), p.index);
    plan.values = Json::object();
    plan.command = spec.check ? "validate" : "run";
    plan.scenario = absolute_path(spec.scenario);
    plan.config = absolute_path(spec.config);
    for (const auto& [path, value] : p.values) {
        plan.values[path] = value;
        if (path == "scenario") {
            plan.scenario = absolute_path(config::resolve_relative(spec.file, text_of(value)));
        } else if (path == "config") {
            plan.config = absolute_path(config::resolve_relative(spec.file, text_of(value)));
        } else if (path == "seed") {
            plan.seed = text_of(value);
        } else if (path.rfind("config.", 0) == 0) {
            plan.sets.push_back(path.substr(7) + "=" + text_of(value));
        } else {
            plan.scenario_sets.push_back(path.substr(9) + "=" + text_of(value));
        }
    }
    return plan;
}

std::vector<std::string> PointPlan::argv() const {
    std::vector<std::string> a = {exe, command, "-q", "--scenario", scenario};
    if (!config.empty()) a.insert(a.end(), {"--config", config});
    for (const auto& s : sets) a.insert(a.end(), {"--set", s});
    for (const auto& s : scenario_sets) a.insert(a.end(), {"--scenario-set", s});
    if (seed) a.insert(a.end(), {"--seed", *seed});
    a.insert(a.end(), {"--out", dir});
    return a;
}

Json PointPlan::to_json() const {
    Json j = {{"index", index},     {"exe", exe},           {"dir", dir},
              {"values", values},   {"command", command},   {"scenario", scenario},
              {"config", config},   {"set", strings(sets)}, {"scenario_set", strings(scenario_sets)}};
    if (seed) j["seed"] = *seed;
    return j;
}

PointPlan PointPlan::from_json(const Json& j) {
    PointPlan p;
    p.index = j.at("index").get<std::size_t>();
    p.exe = j.at("exe").get<std::string>();
    p.dir = j.at("dir").get<std::string>();
    p.values = j.at("values");
    p.command = j.at("command").get<std::string>();
    p.scenario = j.at("scenario").get<std::string>();
    p.config = j.at("config").get<std::string>();
    p.sets = strings_of(j.at("set"));
    p.scenario_sets = strings_of(j.at("scenario_set"));
    if (j.contains("seed")) p.seed = j["seed"].get<std::string>();
    return p;
}

std::string point_dir(const std::string& results, std::size_t index) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%05zu", index);
    return results + "/points/" + buf;
}

std::string shell_line(const std::vector<std::string>& argv) {
    std::string out;
    for (const auto& a : argv) {
        if (!out.empty()) out += ' ';
        out += '\'';
        for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

}  // namespace invalsim::sweep
