#include "sim/stats/invalidate_json.h"

#include "sim/config/units.h"
#include "sim/stats/stats_tree.h"

namespace invalsim::stats {

using config::Json;
using invalidate::CallRecord;
using invalidate::InstanceReport;

namespace {

Json range_json(const invalidate::MemRange& r) {
    return Json{{"start", config::format_address(r.start)}, {"len", r.len}};
}

Json latency_json(const invalidate::LatencySummary& s) {
    return Json{{"loads", s.loads},
                {"p50_ns", s.p50.as_ns()},
                {"p99_ns", s.p99.as_ns()},
                {"p999_ns", s.p999.as_ns()},
                {"max_ns", s.max.as_ns()}};
}

Json instance_json(const InstanceReport& r) {
    return Json{{"name", r.name},
                {"rc", r.rc},
                {"wbinv_start_ns", r.wbinv_start.as_ns()},
                {"wbinv_ns", r.wbinv_time.as_ns()},
                {"done_start_ns", r.done_start.as_ns()},
                {"done_ns", r.done_time.as_ns()},
                {"engine_ns", r.engine_time.as_ns()},
                {"engine_complete", r.engine_complete},
                {"polls", r.polls},
                {"written_back", r.written_back},
                {"invalidated", r.invalidated},
                {"collateral", r.collateral},
                {"bytes_outside", r.bytes_outside}};
}

// The range the mechanism actually maintained.
Json aligned_json(const invalidate::Framework& fw, const CallRecord& c, std::uint32_t granule,
                  std::uint32_t line) {
    using invalidate::Mechanism;
    if (c.all || fw.params().mechanism == Mechanism::Wbinvd) return "all";
    if (fw.params().mechanism == Mechanism::None || c.requested.len == 0) return nullptr;
    const std::uint32_t g = fw.params().mechanism == Mechanism::Hha ? granule : line;
    return range_json(invalidate::HhaDriver::align(c.requested, g));
}

Json call_json(const invalidate::Framework& fw, const CallRecord& c, std::uint32_t granule,
               std::uint32_t line) {
    Json j = {{"cpu", "cpu" + std::to_string(c.cpu)},
              {"where", c.where},
              {"kind", c.all ? "all" : "range"},
              {"rc", c.rc},
              {"rc_name", invalidate::errno_name(c.rc)},
              {"mechanism", invalidate::to_string(fw.params().mechanism)},
              {"policy", fw.params().policy->name()},
              {"requested", c.all ? Json("all") : range_json(c.requested)},
              {"aligned", aligned_json(fw, c, granule, line)},
              {"start_ns", c.start.as_ns()},
              {"end_ns", c.end.as_ns()},
              {"latency_ns", c.latency().as_ns()},
              {"lock_wait_ns", c.lock_wait.as_ns()},
              {"irq_off_ns", c.irq_off_time().as_ns()}};
    std::uint64_t polls = 0, wb = 0, inv = 0, coll = 0, outside = 0;
    Json inst = Json::array();
    for (const auto& r : c.instances) {
        polls += r.polls;
        wb += r.written_back;
        inv += r.invalidated;
        coll += r.collateral;
        outside += r.bytes_outside;
        inst.push_back(instance_json(r));
    }
    j["polls"] = polls;
    j["written_back"] = wb;
    j["invalidated"] = inv;
    j["collateral"] = coll;
    j["bytes_outside"] = outside;
    j["instances"] = inst;
    j["corun_during"] = latency_json(c.corun_during);
    j["corun_after"] = latency_json(c.corun_after);
    return j;
}

}  // namespace

Json framework_json(const invalidate::Framework& fw, std::uint32_t granule, std::uint32_t line) {
    Json j = to_json(fw.stats());
    j["mechanism"] = invalidate::to_string(fw.params().mechanism);
    j["policy"] = fw.params().policy->name();
    j["has_invalidate"] = fw.has_invalidate();
    j["registration_records"] = Json::array();
    for (const auto& r : fw.registrations()) {
        j["registration_records"].push_back(Json{{"cpu", "cpu" + std::to_string(r.cpu)},
                                                 {"instance", r.instance},
                                                 {"op", r.on ? "register" : "unregister"},
                                                 {"start_ns", r.start.as_ns()},
                                                 {"wait_ns", r.wait.as_ns()}});
    }
    j["records"] = Json::array();
    for (const auto& c : fw.calls()) j["records"].push_back(call_json(fw, c, granule, line));
    return j;
}

}  // namespace invalsim::stats
