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

}  // namespace

Json coherence_json(const golden::GoldenModel& g, const std::vector<std::string>& devices,
                    const std::vector<std::uint64_t>& mismatches) {
    Json j = Json::object();
    j["loads_checked"] = g.loads_checked();
    j["stale_reads"] = g.stale_reads();
    j["resurrections"] = g.resurrections();
    std::uint64_t total = 0;
    Json per_device = Json::object();
    for (std::size_t i = 0; i < devices.size(); ++i) {
        per_device[devices[i]] = mismatches[i];
        total += mismatches[i];
    }
    j["device_mismatches"] = total;
    j["device_mismatches_by_device"] = per_device;
    j["steps"] = Json::array();
    for (const auto& s : g.steps()) {
        j["steps"].push_back({{"step", s.step},
                              {"loads_checked", s.loads_checked},
                              {"stale_reads", s.stale_reads},
                              {"resurrections", s.resurrections}});
    }
    j["stale_examples"] = Json::array();
    for (const auto& s : g.stale_examples()) {
        j["stale_examples"].push_back({{"step", s.step},
                                       {"time_ns", s.time.as_ns()},
                                       {"cpu", "cpu" + std::to_string(s.cpu)},
                                       {"addr", config::format_address(s.addr)},
                                       {"expected", hex(s.expected, s.bytes)},
                                       {"got", hex(s.got, s.bytes)},
                                       {"supplied_by", coherence::to_string(s.source)}});
    }
    j["resurrection_examples"] = Json::array();
    for (const auto& r : g.resurrection_examples()) {
        j["resurrection_examples"].push_back({{"step", r.step},
                                              {"time_ns", r.time.as_ns()},
                                              {"device", devices[r.device]},
                                              {"dpa", config::format_address(r.dpa)},
                                              {"expected", hex(r.expected, r.bytes)},
                                              {"written", hex(r.got, r.bytes)}});
    }
    return j;
}

}  // namespace invalsim::stats
