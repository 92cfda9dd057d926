#include "sim/sweep/sweep_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
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
#include "sim/sweep/shared_groups.h"
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

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_stop(int sig) {
    if (g_stop != 0) {  // the second one: the user insists
        std::signal(sig, SIG_DFL);
        std::raise(sig);
    }
    g_stop = sig;
}

// SIGINT and SIGTERM while points run: no new point starts, the running
// ones get the signal once (they write partial, marked results and exit),
// and the sweep still collects what finished.
class StopSignals {
public:
    StopSignals() {
        g_stop = 0;
        struct sigaction sa {};
        sa.sa_handler = on_stop;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &m_old_int);
        sigaction(SIGTERM, &sa, &m_old_term);
    }
    ~StopSignals() {
        sigaction(SIGINT, &m_old_int, nullptr);
        sigaction(SIGTERM, &m_old_term, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    struct sigaction m_old_int {};
    struct sigaction m_old_term {};
};

int g_interrupted_by = 0;

}  // namespace

int interrupted_by() { return g_interrupted_by; }

namespace {

// Points run by one process: one alone, or a shared start's group, whose
// first point's run forks the others.
std::vector<std::vector<std::size_t>> groups_of(const Plan& plan, const std::vector<std::size_t>& todo,
                                                const std::string& fork_at) {
    if (!fork_at.empty()) return shared_start_groups(plan.points, todo, fork_at);
    std::vector<std::vector<std::size_t>> groups;
    for (const std::size_t i : todo) groups.push_back({i});
    return groups;
}

pid_t start_group(const Plan& plan, const std::vector<std::size_t>& group, const std::string& fork_at) {
    std::vector<std::string> extra;
    for (std::size_t k = 1; k < group.size(); ++k) {
        ready_point(plan.points[group[k]], plan.fingerprints[group[k]]);
        extra.insert(extra.end(), {"--fork-point", plan.points[group[k]].dir});
    }
    if (!extra.empty()) extra.insert(extra.begin(), {"--fork-at", fork_at});
    return start_point(plan.points[group[0]], plan.fingerprints[group[0]], extra);
}

// The first point's status from its process; the others wrote theirs when
// they forked from it. Those that did not (it stopped before the barrier,
// or left them out) are returned, to run as a group of their own: each
// round settles at least its first point, so this ends.
std::vector<std::size_t> finish_group(const Plan& plan, const std::vector<std::size_t>& group, int wstatus,
                                      Progress& progress, std::size_t& failed) {
    const bool first_ok = finish_point(plan.points[group[0]].dir, wstatus);
    failed += !first_ok;
    progress.finished(first_ok);
    std::vector<std::size_t> left;
    for (std::size_t k = 1; k < group.size(); ++k) {
        const std::string& dir = plan.points[group[k]].dir;
        if (!std::filesystem::exists(dir + "/status.json")) {
            left.push_back(group[k]);
            continue;
        }
        const bool ok = point_status_ok(dir);
        failed += !ok;
        progress.finished(ok);
    }
    return left;
}

// Points that never ran because the sweep was stopped.
void record_stopped(const Plan& plan, const std::vector<std::size_t>& points) {
    for (const std::size_t i : points) {
        record_not_run(plan.points[i].dir, "not run: the sweep was stopped before it could fork this point");
    }
}

}  // namespace

std::size_t run_points(const Plan& plan, const RunnerOptions& opts) {
    const StopSignals stop_signals;
    g_interrupted_by = 0;
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < plan.points.size(); ++i) {
        if (opts.force || !point_complete(plan.points[i].dir, plan.fingerprints[i])) todo.push_back(i);
    }
    const std::size_t skipped = plan.points.size() - todo.size();
    if (skipped) {
        std::fprintf(stderr, "sweep: %zu of %zu points already complete, skipped\n", skipped, plan.points.size());
    }
    auto groups = groups_of(plan, todo, opts.fork_at);
    Progress progress(stderr, opts.terminal, plan.points.size(), skipped);
    progress.start();
    std::map<pid_t, std::size_t> running;  // process -> group
    std::size_t next = 0, failed = 0;
    bool passed_on = false;
    while (next < groups.size() || !running.empty()) {
        if (g_stop != 0 && !passed_on) {
            for (const auto& r : running) kill(r.first, g_stop);
            passed_on = true;
        }
        if (g_stop != 0 && running.empty()) break;
        while (g_stop == 0 && next < groups.size() && running.size() < std::max(1U, opts.jobs)) {
            const pid_t pid = start_group(plan, groups[next], opts.fork_at);
            if (pid < 0) {
                throw std::runtime_error("cannot start a process for point " + std::to_string(groups[next][0]));
            }
            running[pid] = next++;
        }
        int wstatus = 0;
        // Polled, so that the bar's clock keeps moving while points run.
        const pid_t pid = waitpid(-1, &wstatus, WNOHANG);
        if (pid == 0) {
            progress.tick();
            usleep(20000);
            continue;
        }
        if (pid < 0 && errno == EINTR) continue;
        if (pid < 0) break;
        const auto it = running.find(pid);
        if (it == running.end()) continue;
        std::vector<std::size_t> left = finish_group(plan, groups[it->second], wstatus, progress, failed);
        running.erase(it);
        if (left.empty()) continue;
        if (g_stop != 0) {
            record_stopped(plan, left);
            for (std::size_t n = 0; n < left.size(); ++n) progress.finished(false);
            failed += left.size();
        } else {
            groups.push_back(std::move(left));
        }
    }
    g_interrupted_by = g_stop;
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
