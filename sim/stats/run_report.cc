#include "sim/stats/run_report.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "sim/config/units.h"
#include "sim/version.h"

namespace invalsim::stats {

using config::Json;

namespace {

std::string hex_bytes(std::uint64_t v, std::uint32_t bytes) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "0x%0*llx", static_cast<int>(bytes * 2),
                  static_cast<unsigned long long>(v));
    return buf;
}

Json failure_json(const cpu::Cpu& c, std::size_t cpu_index, const cpu::ExpectFailure& f) {
    if (!f.message.empty()) {
        return Json{{"cpu", "cpu" + std::to_string(cpu_index)},
                    {"where", c.program()[f.op_index].where},
                    {"time_ns", f.time.as_ns()},
                    {"message", f.message}};
    }
    return Json{{"cpu", "cpu" + std::to_string(cpu_index)},
                {"where", c.program()[f.op_index].where},
                {"time_ns", f.time.as_ns()},
                {"addr", config::format_address(f.addr)},
                {"size", f.size},
                {"first_bad_addr", config::format_address(f.first_bad_addr)},
                {"expected", hex_bytes(f.expected, f.compared_bytes)},
                {"got", hex_bytes(f.got, f.compared_bytes)},
                {"bad_bytes", f.bad_bytes}};
}

}  // namespace

RunOutcome collect_outcome(const std::vector<const cpu::Cpu*>& cpus, common::Duration sim_time) {
    RunOutcome o;
    o.simulated_time = sim_time;
    for (std::size_t i = 0; i < cpus.size(); ++i) {
        o.expects_checked += cpus[i]->stats().expects_checked;
        o.expects_failed += cpus[i]->stats().expects_failed;
        for (const auto& f : cpus[i]->failures()) o.failures.push_back(failure_json(*cpus[i], i, f));
        if (!cpus[i]->finished()) {
            o.blocked.push_back({{"cpu", "cpu" + std::to_string(i)}, {"reason", cpus[i]->blocked_on()}});
        }
    }
    return o;
}

Json stats_document(const RunIdentity& id, const RunOutcome& o, const Json& system_stats) {
    Json doc = Json::object();
    doc["format"] = "invalsim-stats/1";
    doc["invalsim_version"] = kVersion;
    doc["config"] = id.config;
    doc["scenario"] = id.scenario;
    doc["seed"] = id.seed;
    doc["simulated_time_ns"] = o.simulated_time.as_ns();
    const char* status = !o.blocked.empty()      ? "blocked"
                         : !o.incomplete.empty() ? "incomplete"
                         : o.expects_failed      ? "expect_failed"
                                                 : "ok";
    doc["outcome"] = {{"status", status},
                      {"expects_checked", o.expects_checked},
                      {"expects_failed", o.expects_failed},
                      {"failures", o.failures},
                      {"blocked", o.blocked}};
    if (!o.incomplete.empty()) doc["incomplete"] = {{"reason", o.incomplete}};
    doc["system"] = system_stats.contains("system") ? system_stats["system"] : Json::object();
    return doc;
}

// The temporary name is the writer's own (its pid), so two processes
// writing one file never mix their bytes; the last rename wins whole.
void write_file_atomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp." + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::filesystem::remove(tmp);
            throw std::runtime_error("cannot write " + tmp);
        }
    }
    std::filesystem::rename(tmp, path);
}

}  // namespace invalsim::stats
