#include <iostream>
#include <sstream>

#include "sim/cli/commands.h"
#include "sim/cli/run_output.h"
#include "sim/cli/simulation.h"

namespace invalsim::cli {

namespace {

// One coherence expectation against the run's figure, as a report line.
bool verdict(const scenario::CoherenceExpect& e, std::uint64_t got, std::ostringstream& out) {
    const bool ok = e.holds(got);
    out << "  " << e.name << " = " << got << " (expected " << e.text << "): " << (ok ? "ok" : "VIOLATED")
        << "\n";
    return ok;
}

std::string report(const config::Json& stats, const scenario::Scenario& scn, bool& ok) {
    std::ostringstream out;
    const config::Json& c = stats["coherence"];
    out << "coherence by step (loads checked / stale reads / resurrections):\n";
    for (const auto& s : c["steps"]) {
        if (s["loads_checked"] == 0 && s["stale_reads"] == 0 && s["resurrections"] == 0) continue;
        out << "  " << s["step"].get<std::string>() << ": " << s["loads_checked"] << " / "
            << s["stale_reads"] << " / " << s["resurrections"] << "\n";
    }
    for (const auto& e : c["stale_examples"]) {
        out << "  stale read: " << e["cpu"].get<std::string>() << " at " << e["time_ns"] << " ns ("
            << e["step"].get<std::string>() << ") " << e["addr"].get<std::string>() << " expected "
            << e["expected"].get<std::string>() << " got " << e["got"].get<std::string>() << " from "
            << e["supplied_by"].get<std::string>() << "\n";
    }
    for (const auto& e : c["resurrection_examples"]) {
        out << "  resurrection: " << e["device"].get<std::string>() << " " << e["dpa"].get<std::string>()
            << " at " << e["time_ns"] << " ns (" << e["step"].get<std::string>() << ") expected "
            << e["expected"].get<std::string>() << ", written " << e["written"].get<std::string>() << "\n";
    }
    out << "verdict:\n";
    ok = true;
    for (const auto& e : scn.coherence_expectations()) {
        ok = verdict(e, c[e.name].get<std::uint64_t>(), out) && ok;
    }
    return out.str();
}

}  // namespace

int validate_command(const std::vector<std::string>& args) {
    RunOptions opts;
    po::options_description desc("validate options");
    add_run_options(desc, opts);
    if (!parse_options(args, desc,
                       "usage: invalsim validate --scenario FILE [--config FILE] [--set PATH=VALUE ...] "
                       "[--out DIR]\n\nRuns the scenario with every load and write-back checked against a "
                       "golden memory model. Exit 0 when the coherence outcome is what the scenario's "
                       "\"expect\" block states (by default: no stale read, no resurrection, devices "
                       "equal to the golden model) and its other expectations hold; 1 otherwise.")) {
        return kExitOk;
    }
    const InterruptGuard interrupts;
    const Inputs in = load_inputs(opts.scenario_or_default(), opts.inputs.config, opts.inputs.sets, opts.seed,
                                  opts.inputs.scenario_sets);
    const SimulationResult res = simulate(in, true, opts.trace, interrupts);
    const HostFigures host = write_results(opts.out, in, res);
    bool coherent = false;
    const std::string text = report(res.stats, in.scenario, coherent);
    if (!opts.quiet) {
        std::cout << "invalsim validate: " << in.scenario_path << " on " << in.config_path << "\n"
                  << run_summary(res.stats, host) << text << "results: " << opts.out << "/stats.json\n";
    }
    const int status = finish_exit_status(res, interrupts);
    return status == kExitOk && !coherent ? kExitExpectFailed : status;
}

}  // namespace invalsim::cli
