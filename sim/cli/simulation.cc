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

SimulationResult simulate(const Inputs& in, const CheckOptions& check, const std::string& trace_file) {
    SimulationResult res;
    const auto start = std::chrono::steady_clock::now();
    sc_core::sc_report_handler::set_actions(sc_core::SC_WARNING, sc_core::SC_DISPLAY | sc_core::SC_THROW);
    // The only informational report is sc_stop()'s, after a workload error
    // that is reported properly below.
    sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    tlm_utils::tlm_quantumkeeper::set_global_quantum(common::to_sc(in.config.simulation.quantum));
    build::System system("system", in.config, in.scenario, in.seed, check.enabled, check.examples_per_step);
    std::unique_ptr<stats::ChromeTrace> trace;
    if (!trace_file.empty()) {
        trace = std::make_unique<stats::ChromeTrace>();
        system.set_trace(trace.get());
    }
    sc_core::sc_start();
    if (trace) {
        const auto parent = std::filesystem::path(trace_file).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
        stats::write_file_atomically(trace_file, trace->document().dump() + "\n");
    }
    for (const cpu::Cpu* c : system.cpus()) {
        if (!c->error().empty()) {
            throw config::InputError({{in.scenario_path, c->error_where(), c->error(), ""}});
        }
    }
    system.framework().finalize();
    res.call_host_seconds = system.framework().host_seconds();
    res.outcome = stats::collect_outcome(system.cpus(), common::from_sc(sc_core::sc_time_stamp()));
    // Statistics first: the end-of-run check below writes dirty lines back,
    // which must not show in them (validate and run report the same run).
    stats::StatsTree tree;
    system.register_stats(tree);
    res.stats = stats::stats_document({in.config.name, in.scenario.name, in.seed}, res.outcome, tree.to_json());
    if (check.enabled) {
        const std::vector<golden::DeviceCheck> checks = system.final_check();
        res.stats["coherence"] = stats::coherence_json(*system.golden(), system.memory_names(), checks);
    }
    res.host_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return res;
}

}  // namespace invalsim::cli
