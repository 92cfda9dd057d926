#include "sim/stats/chrome_trace.h"

namespace invalsim::stats {

using config::Json;

namespace {

// Components of one kind share a process (a group in the viewer).
int pid_of(const std::string& track) {
    if (track.rfind("cpu", 0) == 0) return 1;
    if (track.rfind("ha", 0) == 0 || track == "memregion") return 2;
    return 3;
}

double us(common::Duration d) { return d.as_ns() / 1000.0; }

}  // namespace

int ChromeTrace::tid(const std::string& track) {
    auto [it, added] = m_tids.emplace(track, static_cast<int>(m_tids.size()) + 1);
    return it->second;
}

void ChromeTrace::span(const std::string& track, const std::string& name, common::Duration start,
                       common::Duration end, const std::string& detail) {
    Json e = {{"name", name}, {"ph", "X"},       {"ts", us(start)},
              {"dur", us(end - start)}, {"pid", pid_of(track)}, {"tid", tid(track)}};
    if (!detail.empty()) e["args"] = {{"detail", detail}};
    m_events.push_back(std::move(e));
}

void ChromeTrace::instant(const std::string& track, const std::string& name, common::Duration at,
                          const std::string& detail) {
    Json e = {{"name", name}, {"ph", "i"}, {"s", "t"}, {"ts", us(at)}, {"pid", pid_of(track)}, {"tid", tid(track)}};
    if (!detail.empty()) e["args"] = {{"detail", detail}};
    m_events.push_back(std::move(e));
}

Json ChromeTrace::document() const {
    Json events = Json::array();
    const char* groups[] = {"", "CPUs", "home agents", "memory devices"};
    for (int pid = 1; pid <= 3; ++pid) {
        events.push_back({{"name", "process_name"}, {"ph", "M"}, {"pid", pid}, {"args", {{"name", groups[pid]}}}});
    }
    for (const auto& [track, id] : m_tids) {
        events.push_back({{"name", "thread_name"}, {"ph", "M"}, {"pid", pid_of(track)}, {"tid", id},
                          {"args", {{"name", track}}}});
    }
    for (const auto& e : m_events) events.push_back(e);
    return Json{{"traceEvents", events}, {"displayTimeUnit", "ns"}};
}

}  // namespace invalsim::stats
