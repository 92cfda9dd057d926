#include "sim/sweep/sweep_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/stats/run_report.h"
#include "sim/sweep/point_inputs.h"
#include "sim/sweep/point_run.h"
#include "sim/sweep/preflight.h"
#include "sim/sweep/progress.h"
#include "sim/sweep/sweep_results.h"

namespace invalsim::sweep {

using config::Json;
namespace fs = std::filesystem;

Plan make_plan(const SweepSpec& spec, const std::string& results, const std::string& exe) {
    Plan plan;
    plan.results = absolute_path(results);
    Fingerprinter fingerprint(exe);
    for (const Point& p : spec.points()) {
        plan.points.push_back(plan_point(spec, p, exe, plan.results));
        plan.fingerprints.push_back(fingerprint.of(plan.points.back()));
    }
    preflight(spec, plan.points.front());
    return plan;
}

void write_plan(const SweepSpec& spec, const Plan& plan) {
    fs::create_directories(plan.results + "/points");
    Json doc = {{"spec", spec.file}, {"scenario", spec.scenario}, {"check", spec.check}};
    doc["parameters"] = Json::array();
    for (const auto& p : spec.product) doc["parameters"].push_back(p.path);
    for (const auto& p : spec.zip) doc["parameters"].push_back(p.path);
    doc["points"] = Json::array();
    for (std::size_t i = 0; i < plan.points.size(); ++i) {
        const PointPlan& p = plan.points[i];
        doc["points"].push_back({{"index", p.index},
                                 {"dir", p.dir.substr(plan.results.size() + 1)},
                                 {"values", p.values},
                                 {"run", p.to_json()},
                                 {"fingerprint", plan.fingerprints[i]}});
    }
    stats::write_file_atomically(plan.results + "/sweep.json", doc.dump(2) + "\n");
}

std::size_t run_points(const Plan& plan, const RunnerOptions& opts) {
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < plan.points.size(); ++i) {
        if (opts.force || !point_complete(plan.points[i].dir, plan.fingerprints[i])) todo.push_back(i);
    }
    const std::size_t skipped = plan.points.size() - todo.size();
    if (skipped) {
        std::fprintf(stderr, "sweep: %zu of %zu points already complete, skipped\n", skipped, plan.points.size());
    }
    Progress progress(stderr, opts.terminal, plan.points.size(), skipped);
    progress.start();
    std::map<pid_t, std::string> running;
    std::size_t next = 0, failed = 0;
    while (next < todo.size() || !running.empty()) {
        while (next < todo.size() && running.size() < std::max(1U, opts.jobs)) {
            const std::size_t i = todo[next++];
            const pid_t pid = start_point(plan.points[i], plan.fingerprints[i]);
            if (pid < 0) throw std::runtime_error("cannot start a process for point " + std::to_string(i));
            running[pid] = plan.points[i].dir;
        }
        int wstatus = 0;
        // Polled, so that the bar's clock keeps moving while points run.
        const pid_t pid = waitpid(-1, &wstatus, WNOHANG);
        if (pid == 0) {
            progress.tick();
            usleep(20000);
            continue;
        }
        if (pid < 0) break;
        const auto it = running.find(pid);
        if (it == running.end()) continue;
        const bool ok = finish_point(it->second, wstatus);
        failed += !ok;
        running.erase(it);
        progress.finished(ok);
    }
    return failed;
}

int run_planned_point(const std::string& results, std::size_t index) {
    const std::string file = results + "/sweep.json";
    const Json doc = config::load_json_file(file);
    const Json& points = doc.at("points");
    if (index >= points.size()) {
        throw config::InputError({{file, "/points", "has no point " + std::to_string(index) + " (it has " +
                                                        std::to_string(points.size()) + ")", ""}});
    }
    return run_point_and_wait(PointPlan::from_json(points[index].at("run")), points[index].at("fingerprint"));
}

}  // namespace invalsim::sweep
