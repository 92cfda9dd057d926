#pragma once

#include <csignal>
#include <memory>
#include <string>
#include <thread>

namespace invalsim::cli {

// Ctrl-C (SIGINT) and SIGTERM while `run` or `validate` works. The first one
// stops the simulation at its next delta cycle, so the command still writes
// what the run did, marked incomplete, and exits with 128 + the signal; a
// second one ends the process at once. Create it before sc_start (it owns a
// primitive channel) and keep it until the results are written.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    // The first signal received so far, 0 if none.
    int signal() const;

    // In a child of fork(): only the forking thread lives on there, so the
    // watcher is gone and the pipe is the parent's; both are made anew. A
    // signal the parent had already taken stops the child as well.
    void restart_after_fork();

private:
    void start_watcher();
    class StopChannel;
    std::unique_ptr<StopChannel> m_channel;
    std::thread m_watcher;
    struct sigaction m_old_int {};
    struct sigaction m_old_term {};
};

// SIGINT and SIGTERM held (blocked) in the calling thread while it lives,
// then delivered: around a fork(), so that a signal cannot fall between the
// check for one and the child's own handling.
class HeldSignals {
public:
    HeldSignals();
    ~HeldSignals();
    HeldSignals(const HeldSignals&) = delete;
    HeldSignals& operator=(const HeldSignals&) = delete;

private:
    sigset_t m_old {};
};

// "SIGINT", "SIGTERM", or "signal N".
std::string signal_name(int sig);

}  // namespace invalsim::cli
