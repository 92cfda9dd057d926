#include <iostream>
#include <sstream>

#include "sim/cli/commands.h"
#include "sim/cli/run_output.h"
#include "sim/cli/simulation.h"

namespace invalsim::cli {

namespace {

using config::Json;

std::string str(const Json& j) { return j.get<std::string>(); }

// The figure a bound is about: run-wide, or summed over the steps of its name.
bool figure(const Json& c, const scenario::CoherenceExpect& e, std::uint64_t& got) {
    if (e.step.empty()) {
        got = c[e.name].get<std::uint64_t>();
        return true;
    }
    bool ran = false;
    got = 0;
    for (const auto& s : c["steps"]) {
        if (str(s["step"]) != e.step) continue;
        ran = true;
        got += s[e.name].get<std::uint64_t>();
    }
    return ran;
}

// Every bound as a report line; false when one does not hold.
bool verdict(const Json& c, const scenario::Scenario& scn, std::ostringstream& out) {
    bool ok = true;
    for (const auto& e : scn.coherence_expectations()) {
        const std::string label = e.step.empty() ? e.name : "step \"" + e.step + "\": " + e.name;
        std::uint64_t got = 0;
        if (!figure(c, e, got)) {
            out << "  " << label << ": no step of that name ran (expected " << e.text << "): VIOLATED\n";
            ok = false;
            continue;
        }
        const bool holds = e.holds(got);
        out << "  " << label << " = " << got << " (expected " << e.text << "): " << (holds ? "ok" : "VIOLATED")
            << "\n";
        ok = ok && holds;
    }
    return ok;
}

void examples_of_step(const Json& s, std::size_t kept, std::ostringstream& out) {
    for (const auto& e : s["stale_examples"]) {
        out << "      stale read: " << str(e["cpu"]) << " at " << e["time_ns"] << " ns " << str(e["addr"])
            << " expected " << str(e["expected"]) << " got " << str(e["got"]) << " from " << str(e["supplied_by"])
            << "\n";
    }
    for (const auto& e : s["resurrection_examples"]) {
        out << "      resurrection: " << str(e["device"]) << " " << str(e["dpa"]) << " at " << e["time_ns"]
            << " ns, expected " << str(e["expected"]) << ", written " << str(e["written"]) << "\n";
    }
    const std::uint64_t shown = s["stale_examples"].size() + s["resurrection_examples"].size();
    const std::uint64_t all = s["stale_reads"].get<std::uint64_t>() + s["resurrections"].get<std::uint64_t>();
    if (all > shown) {
        out << "      ... " << all - shown << " more (" << kept << " of each kind kept per step; --examples N)\n";
    }
}

std::string findings(const Json& c) {
    std::ostringstream out;
    const std::size_t kept = c["examples_per_step"].get<std::size_t>();
    out << "coherence by step (loads checked / stale reads / resurrections), every step in order:\n";
    for (const auto& s : c["steps"]) {
        out << "  " << str(s["step"]) << ": " << s["loads_checked"] << " / " << s["stale_reads"] << " / "
            << s["resurrections"] << "\n";
        examples_of_step(s, kept, out);
    }
    out << "device contents against the golden model at the end (mismatched lines):\n";
    for (auto it = c["devices"].begin(); it != c["devices"].end(); ++it) {
        const Json& d = it.value();
        out << "  " << it.key() << ": " << d["mismatches"] << "\n";
        for (const auto& m : d["examples"]) {
            out << "      " << str(m["dpa"]) << " expected " << str(m["expected"]) << " holds " << str(m["got"])
                << "\n";
        }
        if (d["mismatches"].get<std::uint64_t>() > d["examples"].size()) {
            out << "      ... " << d["mismatches"].get<std::uint64_t>() - d["examples"].size() << " more\n";
        }
    }
    return out.str();
}

// Prints the verdict; a run that went as its scenario expects but broke
// coherence exits 1.
int report(const FinishedRun& run) {
    const SimulationResult& res = run.result;
    const Json& c = res.stats["coherence"];
    std::ostringstream bounds;
    const bool coherent = verdict(c, run.inputs.scenario, bounds);
    const bool ok = coherent && res.outcome.ok();
    const std::string head = "invalsim validate: " + run.inputs.scenario_path + " on " + run.inputs.config_path + "\n";
    const std::string tail = std::string("verdict: ") + (ok ? "as expected" : "VIOLATED") + "\n" + bounds.str() +
                             (res.outcome.ok() ? "" : "  the scenario's other expectations: " + std::to_string(res.outcome.expects_failed) +
                                                  " failed, " + std::to_string(res.outcome.blocked.size()) +
                                                  " CPUs blocked (stats.json \"outcome\")\n");
    if (!run.quiet) {
        std::cout << head << run_summary(res.stats, run.host) << findings(c) << tail << "results: " << run.out
                  << "/stats.json\n";
    } else if (!ok) {
        std::cout << head << tail;
    }
    const int status = finish_exit_status(res, run.interrupts);
    return status == kExitOk && !coherent ? kExitExpectFailed : status;
}

}  // namespace

int validate_command(const std::vector<std::string>& args) {
    RunOptions opts;
    std::size_t examples = 4;
    po::options_description desc("validate options");
    add_run_options(desc, opts);
    desc.add_options()("examples", po::value(&examples)->value_name("N"),
                       "stale reads, resurrections and device mismatches kept as examples, per step and per "
                       "device (default 4)");
    if (!parse_options(args, desc,
                       "usage: invalsim validate [[--scenario] FILE] [--config FILE] [--set PATH=VALUE ...] "
                       "[--out DIR] [--examples N]\n\nRuns the scenario with every load and write-back checked "
                       "against a golden memory model. Exit 0 when the coherence outcome is what the scenario's "
                       "\"expect\" block states (by default: no stale read, no resurrection, devices "
                       "equal to the golden model) and its other expectations hold; 1 otherwise. With -q only "
                       "a violated verdict is printed. The scenario may be given as the one bare argument: "
                       "`invalsim validate S.json`.",
                       "scenario")) {
        return kExitOk;
    }
    return simulate_and_write(opts, {true, examples}, report);
}

}  // namespace invalsim::cli
