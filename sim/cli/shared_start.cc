#include "sim/cli/shared_start.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>

#include "models/common/zeroed_array.h"
#include "sim/build/system.h"
#include "sim/cli/options.h"
#include "sim/cli/run_output.h"
#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/sweep/point_run.h"

namespace invalsim::cli {

namespace {

constexpr std::size_t kNone = ~std::size_t{0};

config::InputError fork_error(const std::string& where, const std::string& message) {
    return config::InputError({{"--fork-at", where, message, ""}});
}

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A point's command line (point.json "argv": invalsim, the command, its
// options) read back into run options.
RunOptions options_of(const config::Json& argv) {
    RunOptions opts;
    std::size_t examples = 0;
    bool check = false;
    po::options_description desc;
    add_run_options(desc, opts);
    desc.add_options()("examples", po::value(&examples))("check", po::bool_switch(&check));
    const auto words = argv.get<std::vector<std::string>>();
    if (words.size() < 2) throw std::invalid_argument("too short");
    const std::vector<std::string> args(words.begin() + 2, words.end());
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(desc).run(), vm);
    po::notify(vm);
    return opts;
}

}  // namespace

SharedStart::SharedStart(const RunOptions& opts) : m_barrier(opts.fork_at), m_own_out(opts.out) {
    if (m_barrier.empty() != opts.fork_points.empty()) {
        throw fork_error("", "--fork-at and --fork-point go together");
    }
    if (!m_barrier.empty() && !opts.trace.empty()) {
        throw fork_error("", "a shared start cannot write a --trace (each point would need its own)");
    }
    for (const std::string& dir : opts.fork_points) {
        if (!std::filesystem::is_regular_file(dir + "/point.json")) {
            throw fork_error(dir, "is not a sweep point's folder (it has no point.json)");
        }
        try {
            m_followers.push_back(follower_of(dir));
        } catch (const config::InputError& e) {
            // That point fails as it would alone, before anything ran; the rest go on.
            std::ofstream err(dir + "/stderr.txt");
            for (const auto& d : e.diagnostics()) err << "invalsim: error: " << config::to_string(d) << "\n";
            err.close();
            sweep::finish_point(dir, 2 << 8);
        }
    }
}

SharedStart::Follower SharedStart::follower_of(const std::string& dir) {
    const std::string file = dir + "/point.json";
    const config::Json point = config::load_json_file(file);
    RunOptions theirs;
    try {
        theirs = options_of(point.at("argv"));
    } catch (const std::exception& e) {
        throw config::InputError({{file, "/argv", std::string("is not an invalsim command line: ") + e.what(), ""}});
    }
    return Follower{dir, theirs.out, theirs.quiet,
                    load_inputs(theirs.scenario_or_default(), theirs.inputs.config, theirs.inputs.sets, theirs.seed,
                                theirs.inputs.scenario_sets)};
}

// The sweep already groups only points that differ after the barrier; what
// is checked here is what would break the fork itself. A point that does not
// fit is left out, without a status: the sweep then runs it in another group.
void SharedStart::check(const Inputs& own) {
    const auto& mine = own.scenario.programs;
    for (std::size_t c = 0; c < mine.size(); ++c) {
        for (const cpu::Op& op : mine[c]) {
            if (m_barrier_op[c] == kNone && op.kind == cpu::Op::Kind::Trace) {
                throw fork_error(op.where, "cpu" + std::to_string(c) + " does not wait at barrier \"" + m_barrier +
                                               "\" and replays a trace file, which a forked copy cannot share");
            }
        }
    }
    const auto fits = [&](const Follower& f) {
        const auto& theirs = f.inputs.scenario.programs;
        bool same = theirs.size() == mine.size() && f.inputs.seed == own.seed;
        for (std::size_t c = 0; same && c < mine.size(); ++c) {
            same = theirs[c].size() == mine[c].size();
            for (std::size_t i = 0; same && i < mine[c].size(); ++i) same = theirs[c][i].kind == mine[c][i].kind;
        }
        return same;
    };
    m_followers.erase(std::remove_if(m_followers.begin(), m_followers.end(), [&](const Follower& f) { return !fits(f); }),
                      m_followers.end());
}

void SharedStart::attach(build::System& system, const Inputs& own, InterruptGuard& interrupts) {
    if (m_followers.empty()) return;
    m_system = &system;
    m_interrupts = &interrupts;
    bool any = false;
    for (const auto& program : own.scenario.programs) {
        std::size_t at = kNone;
        for (std::size_t i = 0; i < program.size() && at == kNone; ++i) {
            if (program[i].kind == cpu::Op::Kind::Barrier && program[i].name == m_barrier) at = i;
        }
        m_barrier_op.push_back(at);
        any = any || at != kNone;
    }
    if (!any) throw fork_error(own.scenario_path, "no CPU waits at a barrier named \"" + m_barrier + "\"");
    check(own);
    system.sync().on_first_release(m_barrier, [this] { fork_all(); });
}

void SharedStart::fork_all() {
    const double start = now_seconds();
    for (std::size_t k = 0; k < m_followers.size(); ++k) {
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        const double before = now_seconds();
        const pid_t parent = getpid();
        pid_t pid = -1;
        {
            // Held from the check to the copy's own signal handling: a
            // signal either stops the forking or reaches the copy.
            const HeldSignals held;
            if (m_interrupts->signal() != 0) break;  // the rest do not start; the sweep records them
            pid = fork();
            if (pid == 0) {
                prctl(PR_SET_PDEATHSIG, SIGTERM);  // the original was killed: so is its copy
                if (getppid() != parent) _exit(128 + SIGTERM);
                m_paused_seconds += before - start;  // the earlier copies' time is not this point's
                become(k);
                return;
            }
        }
        if (pid < 0) {
            sweep::finish_point(m_followers[k].dir, 127 << 8);
            continue;
        }
        ++m_forked;
        wait_for(pid, m_followers[k].dir);
    }
    m_paused_seconds += now_seconds() - start;
}

// In the copy: from here on it is point k.
void SharedStart::become(std::size_t k) {
    m_became = static_cast<int>(k);
    const Follower& f = m_followers[k];
    for (const auto& [file, fd] : {std::pair{"/stdout.txt", 1}, std::pair{"/stderr.txt", 2}}) {
        const int to = open((f.dir + file).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (to < 0) _exit(127);  // not writing into the original's files; recorded as failed
        dup2(to, fd);
        close(to);
    }
    m_interrupts->restart_after_fork();
    common::unshare_dense_arrays();
    const auto& programs = f.inputs.scenario.programs;
    for (std::size_t c = 0; c < m_barrier_op.size(); ++c) {
        if (m_barrier_op[c] != kNone) m_system->cpu(c).replace_ops_after(m_barrier_op[c], programs[c]);
    }
}

// Polled, so that a signal to the original reaches the copy it waits for.
void SharedStart::wait_for(pid_t pid, const std::string& dir) {
    bool passed_on = false;
    int wstatus = 0;
    while (true) {
        const pid_t r = waitpid(pid, &wstatus, WNOHANG);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) {
            wstatus = 127 << 8;  // lost: recorded as failed, so a rerun redoes it
            break;
        }
        if (const int sig = m_interrupts->signal(); sig != 0 && !passed_on) {
            kill(pid, sig);
            passed_on = true;
        }
        usleep(2000);
    }
    sweep::finish_point(dir, wstatus);
}

const Inputs& SharedStart::inputs(const Inputs& own) const {
    return m_became < 0 ? own : m_followers[static_cast<std::size_t>(m_became)].inputs;
}

const std::string& SharedStart::out(const std::string& own) const {
    return m_became < 0 ? own : m_followers[static_cast<std::size_t>(m_became)].out;
}

bool SharedStart::quiet(bool own) const {
    return m_became < 0 ? own : m_followers[static_cast<std::size_t>(m_became)].quiet;
}

config::Json SharedStart::host_note() const {
    if (m_barrier.empty()) return nullptr;
    if (m_became >= 0) return {{"barrier", m_barrier}, {"forked_from", m_own_out}};
    return {{"barrier", m_barrier}, {"forked", m_forked}};
}

}  // namespace invalsim::cli
