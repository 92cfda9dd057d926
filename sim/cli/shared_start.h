#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

#include "sim/cli/inputs.h"
#include "sim/cli/interrupts.h"
#include "sim/config/json.h"

namespace invalsim::build {
class System;
}

namespace invalsim::cli {

struct RunOptions;

// Sweep points that differ only in what their CPUs do after a barrier share
// the simulation up to it (`invalsim sweep --fork-at BARRIER`: a warm-up
// simulated once instead of once per point). One process runs the first
// point. When the barrier first releases, every CPU that takes part stands
// at it, and the process forks one copy per other point, one at a time: the
// copy takes that point's ops after the barrier, its inputs and its folder,
// runs to the end and writes that point's results, while the original waits
// and records the copy's status. Then the original goes on as its own point.
// The sweep groups only points whose differences all lie after the barrier,
// so each point's statistics are those of running it alone.
class SharedStart {
public:
    // Reads each --fork-point folder's point.json and inputs; a point whose
    // inputs are bad is recorded as failed (exit status 2) and left out.
    explicit SharedStart(const RunOptions& opts);

    // Before the kernel starts: checks that the other points' programs fit
    // this run's and arranges the fork. Throws InputError.
    void attach(build::System& system, const Inputs& own, InterruptGuard& interrupts);

    // What this process is at the end: its own point, or the one it became.
    const Inputs& inputs(const Inputs& own) const;
    const std::string& out(const std::string& own) const;
    bool quiet(bool own) const;
    // Host time spent waiting for forked copies: not this point's own.
    double paused_seconds() const { return m_paused_seconds; }
    // For host.json: the barrier and the point this one forked from, or
    // how many forked from it; null without a shared start.
    config::Json host_note() const;

private:
    struct Follower {
        std::string dir;
        std::string out;
        bool quiet = true;
        Inputs inputs;
    };
    static Follower follower_of(const std::string& dir);
    void check(const Inputs& own);
    void fork_all();
    void become(std::size_t k);
    void wait_for(pid_t pid, const std::string& dir);

    std::string m_barrier;
    std::string m_own_out;
    std::vector<Follower> m_followers;
    std::vector<std::size_t> m_barrier_op;  // per CPU; npos when it does not take part
    build::System* m_system = nullptr;
    InterruptGuard* m_interrupts = nullptr;
    int m_became = -1;  // the follower this process became, -1 in the original
    std::size_t m_forked = 0;
    double m_paused_seconds = 0;
};

}  // namespace invalsim::cli
