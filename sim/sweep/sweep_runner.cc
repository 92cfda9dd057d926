#include "sim/sweep/sweep_runner.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/stats/run_report.h"
#include "sim/sweep/point_command.h"
#include "sim/sweep/sweep_results.h"

namespace invalsim::sweep {

using config::Json;
namespace fs = std::filesystem;

namespace {

Json values_json(const Point& p) {
    Json v = Json::object();
    for (const auto& [k, val] : p.values) v[k] = val;
    return v;
}

pid_t spawn(const std::vector<std::string>& argv, const std::string& dir) {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    const int out = open((dir + "/stdout.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open((dir + "/stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
}

std::string tail_of(const std::string& file) {
    std::ifstream in(file);
    std::string line, last;
    while (std::getline(in, line)) {
        if (!line.empty()) last = line;
    }
    return last;
}

// Status of a finished point process, written atomically next to its results.
bool record_status(const std::string& dir, int wstatus) {
    Json st;
    const int code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
    if (code == 0 || code == 1) {
        st = {{"status", code == 0 ? "ok" : "expect_failed"}, {"exit_code", code}};
    } else {
        std::string why = WIFSIGNALED(wstatus) ? "killed by signal " + std::to_string(WTERMSIG(wstatus))
                                               : "exit status " + std::to_string(code);
        const std::string err = tail_of(dir + "/stderr.txt");
        st = {{"status", "failed"}, {"exit_code", code}, {"error", why + (err.empty() ? "" : ": " + err)}};
    }
    stats::write_file_atomically(dir + "/status.json", st.dump(2) + "\n");
    return st["status"] != "failed";
}

class Progress {
public:
    Progress(std::size_t total, std::size_t skipped)
        : m_total(total), m_done(skipped), m_tty(isatty(2)), m_start(std::chrono::steady_clock::now()),
          m_skipped(skipped) {}
    void finished(bool ok) {
        ++m_done;
        if (!ok) ++m_failed;
        show();
    }
    void show() const {
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        const std::size_t ran = m_done - m_skipped;
        const double eta = ran ? secs / ran * (m_total - m_done) : 0.0;
        char line[160];
        if (m_tty) {
            const int width = 30;
            const int filled = m_total ? static_cast<int>(width * m_done / m_total) : width;
            std::snprintf(line, sizeof line, "\r[%-*s] %zu/%zu points, %zu failed, ETA %.0f s ", width,
                          std::string(filled, '#').c_str(), m_done, m_total, m_failed, eta);
            std::fputs(line, stderr);
            if (m_done == m_total) std::fputs("\n", stderr);
        } else {
            std::fprintf(stderr, "sweep: %zu/%zu points done, %zu failed, ETA %.0f s\n", m_done, m_total,
                         m_failed, eta);
        }
    }

private:
    std::size_t m_total, m_done, m_failed = 0;
    bool m_tty;
    std::chrono::steady_clock::time_point m_start;
    std::size_t m_skipped;
};

}  // namespace

void write_plan(const SweepSpec& spec, const std::string& results, const std::string& exe) {
    fs::create_directories(results + "/points");
    Json plan = {{"spec", spec.file}, {"scenario", spec.scenario}, {"check", spec.check}};
    plan["parameters"] = Json::array();
    for (const auto& p : spec.product) plan["parameters"].push_back(p.path);
    for (const auto& p : spec.zip) plan["parameters"].push_back(p.path);
    plan["points"] = Json::array();
    for (const Point& p : spec.points()) {
        const std::string dir = point_dir(results, p.index);
        plan["points"].push_back({{"index", p.index},
                                  {"dir", dir.substr(results.size() + 1)},
                                  {"values", values_json(p)},
                                  {"argv", point_argv(spec, p, exe, dir)}});
    }
    stats::write_file_atomically(results + "/sweep.json", plan.dump(2) + "\n");
}

std::size_t run_points(const SweepSpec& spec, const RunnerOptions& opts) {
    write_plan(spec, opts.results, opts.exe);
    std::vector<Point> todo;
    std::size_t skipped = 0;
    const std::vector<Point> all = spec.points();
    for (const Point& p : all) {
        const std::string dir = point_dir(opts.results, p.index);
        if (!opts.force && point_complete(dir, values_json(p))) {
            ++skipped;
        } else {
            todo.push_back(p);
        }
    }
    Progress progress(all.size(), skipped);
    if (skipped) std::fprintf(stderr, "sweep: %zu of %zu points already complete, skipped\n", skipped, all.size());
    std::map<pid_t, std::string> running;
    std::size_t next = 0, failed = 0;
    while (next < todo.size() || !running.empty()) {
        while (next < todo.size() && running.size() < std::max(1U, opts.jobs)) {
            const Point& p = todo[next++];
            const std::string dir = point_dir(opts.results, p.index);
            fs::create_directories(dir);
            fs::remove(dir + "/status.json");
            const auto argv = point_argv(spec, p, opts.exe, dir);
            stats::write_file_atomically(dir + "/point.json",
                                         Json{{"index", p.index}, {"values", values_json(p)}, {"argv", argv}}.dump(2) + "\n");
            running[spawn(argv, dir)] = dir;
        }
        int wstatus = 0;
        const pid_t pid = waitpid(-1, &wstatus, 0);
        if (pid < 0) break;
        const auto it = running.find(pid);
        if (it == running.end()) continue;
        const bool ok = record_status(it->second, wstatus);
        failed += !ok;
        running.erase(it);
        progress.finished(ok);
    }
    return failed;
}

}  // namespace invalsim::sweep
