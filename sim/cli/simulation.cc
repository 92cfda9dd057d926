#include "sim/cli/simulation.h"

#include <chrono>
#include <filesystem>

#include <systemc>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "models/common/sc_time_conv.h"
#include "sim/build/system.h"
#include "sim/config/diagnostics.h"
#include "sim/stats/chrome_trace.h"
#include "sim/stats/coherence_json.h"

namespace invalsim::cli {

namespace {

// Runs the kernel to the end; returns why it stopped early ("" if it did
// not), keeping the exception to rethrow once the results are written.
std::string run_kernel(const InterruptGuard& interrupts, std::exception_ptr& error) {
    try {
        sc_core::sc_start();
    } catch (const sc_core::sc_report& e) {
        error = std::current_exception();
        return std::string("simulation error: ") + e.what();
    } catch (const std::exception& e) {
        error = std::current_exception();
        return std::string("internal error: ") + e.what();
    }
    if (const int sig = interrupts.signal()) return "interrupted by " + signal_name(sig);
    return "";
}

}  // namespace

SimulationResult simulate(const Inputs& own, const CheckOptions& check, const std::string& trace_file,
                          InterruptGuard& interrupts, SharedStart* shared) {
    SimulationResult res;
    const auto start = std::chrono::steady_clock::now();
    sc_core::sc_report_handler::set_actions(sc_core::SC_WARNING, sc_core::SC_DISPLAY | sc_core::SC_THROW);
    // The only informational report is sc_stop()'s, after a workload error
    // or a signal, both reported properly below.
    sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    tlm_utils::tlm_quantumkeeper::set_global_quantum(common::to_sc(own.config.simulation.quantum));
    build::System system("system", own.config, own.scenario, own.seed, check.enabled, check.examples_per_step);
    if (shared) shared->attach(system, own, interrupts);
    std::unique_ptr<stats::ChromeTrace> trace;
    if (!trace_file.empty()) {
        trace = std::make_unique<stats::ChromeTrace>();
        system.set_trace(trace.get());
    }
    std::string stopped = run_kernel(interrupts, res.error);
    const Inputs& in = shared ? shared->inputs(own) : own;  // which point this process ended as
    if (trace) {
        const auto parent = std::filesystem::path(trace_file).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        stats::write_file_atomically(trace_file, trace->document().dump() + "\n");
    }
    for (const cpu::Cpu* c : system.cpus()) {
        if (!c->error().empty() && !res.error) {
            res.error = std::make_exception_ptr(
                config::InputError({{in.scenario_path, c->error_where(), c->error(), ""}}));
            stopped = "workload error at " + c->error_where() + ": " + c->error();
        }
    }
    system.framework().finalize();
    res.call_host_seconds = system.framework().host_seconds();
    res.outcome = stats::collect_outcome(system.cpus(), common::from_sc(sc_core::sc_time_stamp()));
    if (!stopped.empty()) {
        res.outcome.blocked = config::Json::array();  // stopped, not blocked
        res.outcome.incomplete = stopped;
    } else if (!res.outcome.blocked.empty()) {
        res.outcome.incomplete = "deadlock: " + std::to_string(res.outcome.blocked.size()) +
                                 " CPU(s) blocked when no event was left";
    }
    // Statistics first: the end-of-run check below writes dirty lines back,
    // which must not show in them (validate and run report the same run).
    stats::StatsTree tree;
    system.register_stats(tree);
    res.stats = stats::stats_document({in.config.name, in.scenario.name, in.seed}, res.outcome, tree.to_json());
    if (check.enabled) {
        // A run stopped part-way has no end state to compare with the media.
        const std::vector<golden::DeviceCheck> checks =
            stopped.empty() ? system.final_check() : std::vector<golden::DeviceCheck>{};
        res.stats["coherence"] = stats::coherence_json(*system.golden(), system.memory_names(), checks);
    }
    res.host_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() -
                       (shared ? shared->paused_seconds() : 0.0);
    if (shared) res.shared_start = shared->host_note();
    return res;
}

}  // namespace invalsim::cli
