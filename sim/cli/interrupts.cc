#include "sim/cli/interrupts.h"

#include <unistd.h>

#include <atomic>
#include <new>
#include <stdexcept>

#include <systemc>

namespace invalsim::cli {

namespace {

// Written by the handler, so plain atomics and a pipe: nothing else is
// async-signal-safe. The watcher thread reads the pipe and does the rest.
std::atomic<int> g_signal{0};
int g_pipe[2] = {-1, -1};

void on_signal(int sig) {
    int expected = 0;
    if (!g_signal.compare_exchange_strong(expected, sig)) {
        std::signal(sig, SIG_DFL);  // the second one: the user insists
        std::raise(sig);
        return;
    }
    const unsigned char byte = static_cast<unsigned char>(sig);
    (void)!write(g_pipe[1], &byte, 1);
}

}  // namespace

// Its update phase is the only place outside the kernel's own thread from
// which SystemC lets another thread stop the simulation
// (async_request_update is thread-safe; sc_stop from a signal handler is not).
class InterruptGuard::StopChannel : public sc_core::sc_prim_channel {
public:
    StopChannel() : sc_core::sc_prim_channel("invalsim_interrupt") {}
    void stop_soon() { async_request_update(); }

private:
    void update() override {
        if (sc_core::sc_get_status() != sc_core::SC_STOPPED) sc_core::sc_stop();
    }
};

InterruptGuard::InterruptGuard() : m_channel(std::make_unique<StopChannel>()) {
    g_signal = 0;
    if (pipe(g_pipe) != 0) throw std::runtime_error("cannot create a pipe for signal handling");
    start_watcher();
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, &m_old_int);
    sigaction(SIGTERM, &sa, &m_old_term);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &m_old_int, nullptr);
    sigaction(SIGTERM, &m_old_term, nullptr);
    const unsigned char stop = 0;
    (void)!write(g_pipe[1], &stop, 1);
    m_watcher.join();
    close(g_pipe[0]);
    close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

HeldSignals::HeldSignals() {
    sigset_t both;
    sigemptyset(&both);
    sigaddset(&both, SIGINT);
    sigaddset(&both, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &both, &m_old);
}

HeldSignals::~HeldSignals() { pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }

// The watcher is created with the signals held, so it never runs the
// handler: they reach the main thread, which is the one that forks.
void InterruptGuard::start_watcher() {
    const HeldSignals held;
    m_watcher = std::thread([this] {
        unsigned char byte = 0;
        while (read(g_pipe[0], &byte, 1) == 1 && byte != 0) m_channel->stop_soon();
    });
}

void InterruptGuard::restart_after_fork() {
    // The parent's watcher does not exist here. Its handle is overwritten
    // without being destroyed, detached or joined: each would act on a
    // thread of another process.
    new (&m_watcher) std::thread();
    close(g_pipe[0]);
    close(g_pipe[1]);
    if (pipe(g_pipe) != 0) throw std::runtime_error("cannot create a pipe for signal handling");
    start_watcher();
    if (const int sig = g_signal.load()) {  // it came before the fork: this copy stops too
        const unsigned char byte = static_cast<unsigned char>(sig);
        (void)!write(g_pipe[1], &byte, 1);
    }
}

int InterruptGuard::signal() const { return g_signal.load(); }

std::string signal_name(int sig) {
    if (sig == SIGINT) return "SIGINT";
    if (sig == SIGTERM) return "SIGTERM";
    return "signal " + std::to_string(sig);
}

}  // namespace invalsim::cli
