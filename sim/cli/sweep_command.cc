#include <unistd.h>

#include <iostream>
#include <thread>

#include "sim/cli/commands.h"
#include "sim/cli/options.h"
#include "sim/cli/run_output.h"
#include "sim/config/json_source.h"
#include "sim/sweep/sweep_emit.h"
#include "sim/sweep/sweep_results.h"
#include "sim/sweep/sweep_runner.h"

namespace invalsim::cli {

namespace {

struct SweepOptions {
    std::string spec;
    std::string scenario;
    std::vector<std::string> params;
    std::vector<std::string> zip;
    std::string out = "sweep-out";
    unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
    bool force = false;
    bool check = false;
    std::vector<std::string> emit;  // {"slurm", DIR}
    std::size_t chunk = 1;
    std::string collect;
};

std::string self_exe() {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "invalsim";
}

// A spec from the file, then the command line's parameters on top.
sweep::SweepSpec build_spec(const SweepOptions& o) {
    config::Json doc = o.spec.empty() ? config::Json::object() : config::load_json_file(o.spec);
    if (!o.scenario.empty()) doc["scenario"] = o.scenario;
    if (o.check) doc["check"] = true;
    sweep::SweepSpec spec = sweep::parse_sweep_spec(doc, o.spec.empty() ? std::string("--scenario") : o.spec);
    if (!o.scenario.empty()) spec.scenario = o.scenario;
    for (const auto& p : o.params) spec.product.push_back(sweep::parse_parameter_arg(p));
    for (const auto& z : o.zip) spec.zip.push_back(sweep::parse_parameter_arg(z));
    return spec;
}

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
    SweepOptions o;
    po::options_description desc("sweep options");
    desc.add_options()
        ("spec", po::value(&o.spec)->value_name("FILE"), "sweep spec (JSON); also the first argument")
        ("scenario,s", po::value(&o.scenario)->value_name("FILE"), "scenario every point runs")
        ("param,p", po::value(&o.params)->value_name("PATH=VALUES")->composing(),
         "a swept parameter: config.<path>, scenario.<path>, scenario, config or seed, with a list "
         "(1,2,4), a range (4KiB..1TiB*2, 1..8+1) or JSON (repeatable; parameters multiply)")
        ("zip", po::value(&o.zip)->value_name("PATH=VALUES")->composing(),
         "a parameter paired value by value with the other --zip ones")
        ("check", po::bool_switch(&o.check), "run every point through `validate` (golden model on)")
        ("out,o", po::value(&o.out)->value_name("DIR"), "results folder (default: sweep-out)")
        ("jobs,j", po::value(&o.jobs)->value_name("N"), "points run at once (default: the number of cores)")
        ("force", po::bool_switch(&o.force), "rerun points whose results are already complete")
        ("emit", po::value(&o.emit)->multitoken()->value_name("slurm DIR"),
         "write a Slurm job array and a GNU parallel job list to DIR instead of running")
        ("chunk", po::value(&o.chunk)->value_name("K"), "points per Slurm array task (default 1)")
        ("collect", po::value(&o.collect)->value_name("DIR"), "merge the point results under DIR");
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
    const sweep::SweepSpec spec = build_spec(o);
    if (!o.emit.empty()) {
        if (o.emit.size() != 2 || o.emit[0] != "slurm") {
            throw po::error("--emit takes: slurm DIR");
        }
        ensure_writable_dir("--emit", o.emit[1]);
        sweep::emit_slurm(spec, o.emit[1], self_exe(), o.chunk);
        std::cout << "sweep: " << spec.points().size() << " points; submit with: sbatch " << o.emit[1]
                  << "/sweep.sbatch (or: parallel < " << o.emit[1] << "/jobs.txt), then invalsim sweep --collect "
                  << o.emit[1] << "\n";
        return kExitOk;
    }
    ensure_writable_dir("--out", o.out);
    const std::size_t failed = sweep::run_points(spec, {o.out, self_exe(), o.jobs, o.force});
    const auto sum = sweep::collect(o.out);
    std::cout << "sweep: " << sum.points << " points, " << sum.completed << " completed, " << failed
              << " failed; results: " << o.out << "/results.csv\n";
    return sum.failed ? kExitExpectFailed : kExitOk;
}

}  // namespace invalsim::cli
