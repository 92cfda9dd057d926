#include "sim/sweep/point_inputs.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/version.h"

namespace invalsim::sweep {

using config::Json;

namespace {

std::vector<config::Override> overrides(const std::vector<std::string>& sets) {
    std::vector<config::Override> out;
    for (const auto& s : sets) {
        config::Override o = config::parse_override(s);
        o.text = "--scenario-set " + s;
        out.push_back(o);
    }
    return out;
}

// The scenario document (`doc`, as read) with the point's overrides, or
// nullopt when they do not apply.
std::optional<Json> overridden_scenario(const PointPlan& plan, Json doc) {
    config::Diagnostics diag(plan.scenario);
    config::apply_overrides(doc, overrides(plan.scenario_sets), diag);
    if (!diag.empty() || !doc.is_object()) return std::nullopt;
    return doc;
}

// Every trace op's "file", wherever it sits.
void for_each_trace_file(Json& j, const std::function<void(Json&)>& fn) {
    if (j.is_object()) {
        const auto op = j.find("op");
        const auto file = j.find("file");
        if (op != j.end() && *op == "trace" && file != j.end() && file->is_string()) fn(*file);
        for (auto& [k, v] : j.items()) for_each_trace_file(v, fn);
    } else if (j.is_array()) {
        for (auto& v : j) for_each_trace_file(v, fn);
    }
}

std::string read_bytes(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

std::string content_hash(const std::string& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::optional<Json> resolved_scenario(const PointPlan& plan) {
    std::optional<Json> doc;
    try {
        doc = overridden_scenario(plan, config::load_json_file(plan.scenario));
    } catch (const config::InputError&) {
        return std::nullopt;  // the point's run reports it
    }
    if (!doc) return std::nullopt;
    for_each_trace_file(*doc, [&](Json& f) {
        f = absolute_path(config::resolve_relative(plan.scenario, f.get<std::string>()));
    });
    (*doc)["config"] = "../config.resolved.json";
    // The resolved config carries the seed too, but a scenario's seed wins
    // over the config's: keep the one the point ran with.
    if (plan.seed) (*doc)["seed"] = Json::parse(*plan.seed, nullptr, false);
    return doc;
}

std::string resolved_scenario_path(const PointPlan& plan) {
    std::string name = plan.scenario;
    if (config::is_builtin(name)) name = name.substr(std::string(config::kBuiltinPrefix).size());
    return plan.dir + "/scenario/" + std::filesystem::path(name).filename().string();
}

Fingerprinter::Fingerprinter(const std::string& exe) {
    bool ok = false;
    const std::string bytes = read_bytes(exe, ok);
    m_invalsim = {{"version", kVersion}, {"binary", ok ? content_hash(bytes) : "unreadable"}};
}

const Json& Fingerprinter::json_doc(const std::string& path) {
    auto it = m_docs.find(path);
    if (it == m_docs.end()) it = m_docs.emplace(path, config::load_json_file(path)).first;
    return it->second;
}

std::string Fingerprinter::json_hash(const std::string& path) {
    auto it = m_hashes.find(path);
    if (it != m_hashes.end()) return it->second;
    // Parsed, so that built-in files hash like the others.
    return m_hashes[path] = content_hash(json_doc(path).dump());
}

std::string Fingerprinter::file_hash(const std::string& path) {
    auto it = m_hashes.find(path);
    if (it != m_hashes.end()) return it->second;
    bool ok = false;
    const std::string bytes = read_bytes(path, ok);
    return m_hashes[path] = ok ? content_hash(bytes) : "missing";
}

Json Fingerprinter::of(const PointPlan& plan) {
    Json inputs = Json::object();
    inputs[plan.scenario] = json_hash(plan.scenario);
    std::optional<Json> doc = overridden_scenario(plan, json_doc(plan.scenario));
    std::string cfg = plan.config;
    if (cfg.empty() && doc) cfg = scenario::config_named_by(*doc, plan.scenario);
    if (!cfg.empty()) inputs[cfg] = json_hash(cfg);
    if (doc) {
        for_each_trace_file(*doc, [&](Json& f) {
            const std::string path = config::resolve_relative(plan.scenario, f.get<std::string>());
            inputs[path] = file_hash(path);
        });
    }
    return {{"argv", plan.argv()}, {"inputs", inputs}, {"invalsim", m_invalsim}};
}

}  // namespace invalsim::sweep
