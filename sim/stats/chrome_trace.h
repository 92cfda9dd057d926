#pragma once

#include <map>
#include <string>
#include <vector>

#include "models/common/trace_sink.h"
#include "sim/config/json.h"

namespace invalsim::stats {

// Collects a run's timeline and writes it in the Chrome trace-event format
// that Perfetto (ui.perfetto.dev) and chrome://tracing open: one process per
// kind of component (CPUs, home agents, devices), one thread per component.
class ChromeTrace : public common::TraceSink {
public:
    void span(const std::string& track, const std::string& name, common::Duration start,
              common::Duration end, const std::string& detail) override;
    void instant(const std::string& track, const std::string& name, common::Duration at,
                 const std::string& detail) override;

    config::Json document() const;
    std::size_t events() const { return m_events.size(); }

private:
    int tid(const std::string& track);

    std::map<std::string, int> m_tids;
    std::vector<config::Json> m_events;
};

}  // namespace invalsim::stats
