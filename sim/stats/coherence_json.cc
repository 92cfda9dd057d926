#include "sim/stats/coherence_json.h"

#include <cstdio>

#include "sim/config/units.h"

namespace invalsim::stats {

using config::Json;

namespace {

std::string hex(std::uint64_t v, std::uint32_t bytes) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "0x%0*llx", static_cast<int>(bytes * 2), static_cast<unsigned long long>(v));
    return buf;
}

Json stale_json(const golden::StaleRead& s) {
    return {{"time_ns", s.time.as_ns()},
            {"cpu", "cpu" + std::to_string(s.cpu)},
            {"addr", config::format_address(s.addr)},
            {"expected", hex(s.expected, s.bytes)},
            {"got", hex(s.got, s.bytes)},
            {"supplied_by", coherence::to_string(s.source)}};
}

Json resurrection_json(const golden::Resurrection& r, const std::vector<std::string>& devices) {
    return {{"time_ns", r.time.as_ns()},
            {"device", devices[r.device]},
            {"dpa", config::format_address(r.dpa)},
            {"expected", hex(r.expected, r.bytes)},
            {"written", hex(r.got, r.bytes)}};
}

Json step_json(const golden::StepCounts& s, const std::vector<std::string>& devices) {
    Json j = {{"step", s.step},
              {"loads_checked", s.loads_checked},
              {"stale_reads", s.stale_reads},
              {"resurrections", s.resurrections},
              {"stale_examples", Json::array()},
              {"resurrection_examples", Json::array()}};
    for (const auto& e : s.stale_examples) j["stale_examples"].push_back(stale_json(e));
    for (const auto& e : s.resurrection_examples) j["resurrection_examples"].push_back(resurrection_json(e, devices));
    return j;
}

}  // namespace

Json coherence_json(const golden::GoldenModel& g, const std::vector<std::string>& devices,
                    const std::vector<golden::DeviceCheck>& checks) {
    Json j = Json::object();
    j["loads_checked"] = g.loads_checked();
    j["stale_reads"] = g.stale_reads();
    j["resurrections"] = g.resurrections();
    std::uint64_t total = 0;
    Json per_device = Json::object();
    for (std::size_t i = 0; i < devices.size(); ++i) {
        Json d = {{"mismatches", checks[i].lines}, {"examples", Json::array()}};
        for (const auto& m : checks[i].examples) {
            d["examples"].push_back({{"dpa", config::format_address(m.dpa)},
                                     {"expected", hex(m.expected, m.bytes)},
                                     {"got", hex(m.got, m.bytes)}});
        }
        per_device[devices[i]] = d;
        total += checks[i].lines;
    }
    j["device_mismatches"] = total;
    j["devices"] = per_device;
    j["examples_per_step"] = g.examples_per_step();
    j["golden_lines"] = g.lines_held();
    j["golden_bytes"] = g.bytes_used();
    j["steps"] = Json::array();
    for (const auto& s : g.steps()) j["steps"].push_back(step_json(s, devices));
    return j;
}

}  // namespace invalsim::stats
