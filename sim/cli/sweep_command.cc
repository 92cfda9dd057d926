#include <unistd.h>

#include <iostream>
#include <thread>

#include "sim/cli/commands.h"
#include "sim/cli/options.h"
#include "sim/cli/run_output.h"
#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/sweep/point_command.h"
#include "sim/sweep/sweep_emit.h"
#include "sim/sweep/sweep_results.h"
#include "sim/sweep/sweep_runner.h"

namespace invalsim::cli {

namespace {

struct SweepOptions {
    std::string spec;
    std::string scenario;
    std::string config;
    std::vector<std::string> params;
    std::vector<std::string> zip;
    std::string out = "sweep-out";
    unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
    bool force = false;
    bool check = false;
    std::vector<std::string> emit;  // {"slurm", DIR}
    std::size_t chunk = 1;
    std::string collect;
    long run_point = -1;
    std::string fork_at;
};

std::string self_exe() {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "invalsim";
}

config::Json absolute_files(const std::string& path, config::Json v) {
    if (path != "scenario" && path != "config") return v;
    if (v.is_string()) return sweep::absolute_path(v.get<std::string>());
    if (v.is_array()) {
        for (auto& e : v) e = absolute_files(path, e);
    }
    return v;
}

// The spec file with the command line's parameters merged in (a --param
// replaces the file's parameter of that path), then read and checked once.
sweep::SweepSpec build_spec(const SweepOptions& o) {
    config::Json doc = o.spec.empty() ? config::Json::object() : config::load_json_file(o.spec);
    const std::string file = o.spec.empty() ? std::string("command line") : o.spec;
    if (!doc.is_object()) return sweep::parse_sweep_spec(doc, file);
    if (!o.scenario.empty()) doc["scenario"] = sweep::absolute_path(o.scenario);
    if (!o.config.empty()) doc["config"] = sweep::absolute_path(o.config);
    if (o.check) doc["check"] = true;
    if (!o.fork_at.empty()) doc["fork_at"] = o.fork_at;
    sweep::Origins origins;
    const auto merge = [&](const std::vector<std::string>& args, const std::string& option, const char* group) {
        for (const auto& a : args) {
            auto [path, values] = sweep::read_parameter_arg(a, option);
            if (!doc.contains(group) || !doc[group].is_object()) doc[group] = config::Json::object();
            doc[group][path] = absolute_files(path, values);
            origins[config::child_pointer(std::string("/") + group, path)] = option + " " + a;
        }
    };
    merge(o.params, "--param", "parameters");
    merge(o.zip, "--zip", "zip");
    return sweep::parse_sweep_spec(doc, file, origins);
}

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
    SweepOptions o;
    po::options_description desc("sweep options");
    desc.add_options()
        ("spec", po::value(&o.spec)->value_name("FILE"), "sweep spec (JSON); also the first argument")
        ("scenario,s", po::value(&o.scenario)->value_name("FILE"), "scenario every point runs")
        ("config,c", po::value(&o.config)->value_name("FILE"), "config every point runs (default: the scenario's)")
        ("param,p", po::value(&o.params)->value_name("PATH=VALUES")->composing(),
         "a swept parameter: config.<path>, scenario.<path>, scenario, config or seed, with a list "
         "(1,2,4), a range (4KiB..1TiB*2, 1..8+1) or JSON (repeatable; parameters multiply)")
        ("zip", po::value(&o.zip)->value_name("PATH=VALUES")->composing(),
         "a parameter paired value by value with the other --zip ones")
        ("check", po::bool_switch(&o.check), "run every point through `validate` (golden model on)")
        ("out,o", po::value(&o.out)->value_name("DIR"), "results folder (default: sweep-out)")
        ("jobs,j", po::value(&o.jobs)->value_name("N"), "points run at once (default: the number of cores)")
        ("force", po::bool_switch(&o.force), "rerun points whose results are already complete")
        ("fork-at", po::value(&o.fork_at)->value_name("BARRIER"),
         "points that differ only in ops after BARRIER share one run up to it: it forks a copy per "
         "point when BARRIER first releases (a warm-up simulated once; see docs/sweeps.md)")
        ("emit", po::value(&o.emit)->multitoken()->value_name("slurm DIR"),
         "write a Slurm job array and a GNU parallel job list to DIR instead of running")
        ("chunk", po::value(&o.chunk)->value_name("K"), "points per Slurm array task (default 1)")
        ("collect", po::value(&o.collect)->value_name("DIR"), "merge the point results under DIR")
        ("run-point", po::value(&o.run_point)->value_name("N"),
         "run point N of the sweep planned in --out DIR, recording its status (what emitted jobs run)");
    if (!parse_options(args, desc,
                       "usage: invalsim sweep [SPEC.json] [--scenario FILE] [--param PATH=VALUES ...] "
                       "[--jobs N] [--out DIR] [--force]\n"
                       "       invalsim sweep SPEC.json --emit slurm DIR [--chunk K]\n"
                       "       invalsim sweep --collect DIR\n\n"
                       "Runs a scenario at every point of a parameter space, each point in its own "
                       "process, and writes results.csv and results.jsonl.",
                       "spec")) {
        return kExitOk;
    }
    if (!o.collect.empty()) {
        const auto sum = sweep::collect(o.collect);
        std::cout << "sweep: " << sum.points << " points, " << sum.completed << " completed, " << sum.failed
                  << " failed; results: " << o.collect << "/results.csv\n";
        return sum.failed ? kExitExpectFailed : kExitOk;
    }
    if (o.run_point >= 0) return sweep::run_planned_point(sweep::absolute_path(o.out), o.run_point);
    const sweep::SweepSpec spec = build_spec(o);
    if (!o.emit.empty()) {
        if (o.emit.size() != 2 || o.emit[0] != "slurm") {
            throw po::error("--emit takes: slurm DIR");
        }
        if (!o.fork_at.empty()) throw po::error("--fork-at shares runs on this machine only; it cannot go with --emit");
        ensure_writable_dir("--emit", o.emit[1]);
        const sweep::Plan plan = sweep::make_plan(spec, o.emit[1], self_exe());
        sweep::write_plan(spec, plan);
        sweep::emit_slurm(plan, o.chunk);
        if (!spec.fork_at.empty()) {
            std::cerr << "sweep: the spec's fork_at does not apply to emitted jobs: each runs its point alone\n";
        }
        std::cout << "sweep: " << plan.points.size() << " points; submit with: sbatch " << plan.results
                  << "/sweep.sbatch (or: parallel < " << plan.results << "/jobs.txt), then invalsim sweep --collect "
                  << plan.results << "\n";
        return kExitOk;
    }
    ensure_writable_dir("--out", o.out);
    const sweep::Plan plan = sweep::make_plan(spec, o.out, self_exe());
    sweep::write_plan(spec, plan);
    const std::size_t failed = sweep::run_points(plan, {o.jobs, o.force, isatty(2) != 0, spec.fork_at});
    const auto sum = sweep::collect(o.out);
    std::cout << "sweep: " << sum.points << " points, " << sum.completed << " completed, " << failed
              << " failed; results: " << o.out << "/results.csv\n";
    if (const int sig = sweep::interrupted_by()) {
        std::cerr << "sweep: interrupted; finished points are kept, the same command runs the rest\n";
        return 128 + sig;
    }
    return sum.failed ? kExitExpectFailed : kExitOk;
}

}  // namespace invalsim::cli
