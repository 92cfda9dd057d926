#include "sim/sweep/point_run.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "sim/stats/run_report.h"
#include "sim/sweep/point_inputs.h"

namespace invalsim::sweep {

using config::Json;
namespace fs = std::filesystem;

namespace {

std::string last_line(const std::string& file) {
    std::ifstream in(file);
    std::string line, last;
    while (std::getline(in, line)) {
        if (!line.empty()) last = line;
    }
    return last;
}

void write_point_files(const PointPlan& plan, const Json& fingerprint) {
    fs::create_directories(plan.dir);
    // A rerun starts clean: results on disk are always those of the status.
    for (const char* f : {"status.json", "stats.json", "host.json", "config.resolved.json", "stdout.txt", "stderr.txt"}) {
        fs::remove(plan.dir + "/" + f);
    }
    Json point = {{"index", plan.index}, {"values", plan.values}, {"argv", plan.argv()}, {"fingerprint", fingerprint}};
    if (const auto scn = resolved_scenario(plan)) {
        const std::string path = resolved_scenario_path(plan);
        fs::create_directories(fs::path(path).parent_path());
        stats::write_file_atomically(path, scn->dump(2) + "\n");
        point["reproduce"] = "cd " + plan.dir + " && invalsim " + plan.command + " --scenario " +
                             fs::relative(path, plan.dir).generic_string();
    }
    stats::write_file_atomically(plan.dir + "/point.json", point.dump(2) + "\n");
}

}  // namespace

void ready_point(const PointPlan& plan, const Json& fingerprint) { write_point_files(plan, fingerprint); }

bool point_status_ok(const std::string& dir) {
    std::ifstream in(dir + "/status.json");
    if (!in) return false;
    try {
        return Json::parse(in).value("status", "failed") != "failed";
    } catch (const std::exception&) {
        return false;
    }
}

void record_not_run(const std::string& dir, const std::string& why) {
    const Json st = {{"status", "failed"}, {"exit_code", -1}, {"error", why}};
    stats::write_file_atomically(dir + "/status.json", st.dump(2) + "\n");
}

pid_t start_point(const PointPlan& plan, const Json& fingerprint, const std::vector<std::string>& extra) {
    write_point_files(plan, fingerprint);
    std::vector<std::string> argv = plan.argv();
    argv.insert(argv.end(), extra.begin(), extra.end());
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid != 0) return pid;
    // Its own process group, so that a terminal's Ctrl-C reaches the sweep
    // alone, which passes it on once; and SIGTERM when the sweep dies (even
    // by kill -9), so that no orphan keeps writing into a point's folder.
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(128 + SIGTERM);
    const int out = open((plan.dir + "/stdout.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open((plan.dir + "/stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    const std::string msg = "invalsim sweep: cannot start " + argv[0] + "\n";
    (void)!write(2, msg.data(), msg.size());
    _exit(127);
}

bool finish_point(const std::string& dir, int wstatus) {
    Json st;
    const int code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
    if (code == 0 || code == 1) {
        st = {{"status", code == 0 ? "ok" : "expect_failed"}, {"exit_code", code}};
    } else {
        const std::string why = WIFSIGNALED(wstatus) ? "killed by signal " + std::to_string(WTERMSIG(wstatus))
                                : code == 128 + SIGINT || code == 128 + SIGTERM
                                    ? "interrupted (exit status " + std::to_string(code) + ")"
                                    : "exit status " + std::to_string(code);
        const std::string err = last_line(dir + "/stderr.txt");
        st = {{"status", "failed"}, {"exit_code", code}, {"error", why + (err.empty() ? "" : ": " + err)}};
    }
    stats::write_file_atomically(dir + "/status.json", st.dump(2) + "\n");
    return st["status"] != "failed";
}

int run_point_and_wait(const PointPlan& plan, const Json& fingerprint) {
    const pid_t pid = start_point(plan, fingerprint);
    int wstatus = 0;
    if (pid < 0 || waitpid(pid, &wstatus, 0) < 0) {
        throw std::runtime_error("cannot run point " + std::to_string(plan.index));
    }
    finish_point(plan.dir, wstatus);
    return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
}

}  // namespace invalsim::sweep
