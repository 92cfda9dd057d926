#include "sim/sweep/sweep_results.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/stats/run_report.h"

namespace invalsim::sweep {

using config::Json;
namespace fs = std::filesystem;

namespace {

Json read_json(const std::string& path) {
    std::ifstream in(path);
    if (!in) return Json();
    Json j = Json::parse(in, nullptr, false);
    return j.is_discarded() ? Json() : j;
}

std::string csv_cell(const Json& v) {
    std::string s = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// A point's status from what it left on disk.
Json point_status(const std::string& dir, const Json& stats) {
    Json st = read_json(dir + "/status.json");
    if (st.is_object()) return st;
    if (stats.is_object() && stats.contains("incomplete")) {
        return Json{{"status", "failed"}, {"error", "incomplete: " + stats["incomplete"].value("reason", "")}};
    }
    if (stats.is_object()) {
        return Json{{"status", stats["outcome"]["status"] == "ok" ? "ok" : "expect_failed"}};
    }
    return Json{{"status", "failed"}, {"error", "no results (the point did not run, or it crashed)"}};
}

}  // namespace

void flatten(const Json& j, const std::string& prefix, std::vector<std::pair<std::string, Json>>& out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(), out);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) flatten(j[i], prefix + "." + std::to_string(i), out);
    } else if (j.is_number() || j.is_boolean()) {
        out.emplace_back(prefix, j);
    }
}

bool point_complete(const std::string& dir, const Json& fingerprint) {
    const Json point = read_json(dir + "/point.json");
    const Json status = read_json(dir + "/status.json");
    if (!point.is_object() || point.value("fingerprint", Json()) != fingerprint || !status.is_object()) return false;
    const std::string s = status.value("status", "");
    return (s == "ok" || s == "expect_failed") && fs::exists(dir + "/stats.json");
}

CollectSummary collect(const std::string& results) {
    const Json sweep = read_json(results + "/sweep.json");
    CollectSummary sum;
    std::vector<std::string> params;
    for (auto it = sweep["parameters"].begin(); it != sweep["parameters"].end(); ++it) params.push_back(*it);
    std::vector<std::string> columns;
    std::map<std::string, std::size_t> column_of;
    std::vector<std::vector<std::pair<std::string, Json>>> rows;
    std::ostringstream jsonl;
    for (const Json& p : sweep["points"]) {
        const std::string dir = p["dir"];
        Json stats = read_json(results + "/" + dir + "/stats.json");
        const Json status = point_status(results + "/" + dir, stats);
        // A failed point's partial statistics stay in its folder, out of the
        // tables: they depend on when it stopped.
        if (status["status"] == "failed") stats = Json();
        ++sum.points;
        (status["status"] == "failed" ? sum.failed : sum.completed) += 1;
        std::vector<std::pair<std::string, Json>> metrics;
        if (stats.is_object()) flatten(stats, "", metrics);
        for (const auto& [k, v] : metrics) {
            if (column_of.emplace(k, columns.size()).second) columns.push_back(k);
        }
        rows.push_back(metrics);
        jsonl << Json{{"point", p["index"]}, {"values", p["values"]}, {"status", status}, {"stats", stats}}.dump()
              << "\n";
    }
    std::ostringstream csv;
    csv << "point";
    for (const auto& k : params) csv << "," << csv_cell(k);
    csv << ",status,error";
    for (const auto& c : columns) csv << "," << csv_cell(c);
    csv << "\n";
    std::size_t i = 0;
    for (const Json& p : sweep["points"]) {
        const Json status = point_status(results + "/" + p["dir"].get<std::string>(),
                                         read_json(results + "/" + p["dir"].get<std::string>() + "/stats.json"));
        csv << p["index"].get<std::size_t>();
        for (const auto& k : params) csv << "," << csv_cell(p["values"][k]);
        csv << "," << csv_cell(status["status"]) << "," << csv_cell(status.value("error", ""));
        std::vector<Json> cells(columns.size());
        for (const auto& [k, v] : rows[i]) cells[column_of[k]] = v;
        for (const auto& c : cells) csv << "," << csv_cell(c);
        csv << "\n";
        ++i;
    }
    stats::write_file_atomically(results + "/results.csv", csv.str());
    stats::write_file_atomically(results + "/results.jsonl", jsonl.str());
    return sum;
}

}  // namespace invalsim::sweep
