#pragma once

#include <cstdint>
#include <vector>

#include "models/common/duration.h"
#include "models/common/histogram.h"

namespace invalsim::cpu {

// Load latencies of the CPUs other than one, over a window of simulated time:
// how an invalidate call hurts its co-runners while it runs and afterwards
// (refill misses). Windows are opened and closed by whoever watches; every
// CPU load reports here while any window is open. A load costs a look at
// each window still open, not at every window ever opened.
class LatencyWindows {
public:
    struct Window {
        common::Duration start;
        common::Duration end = common::Duration::max();
        std::uint32_t exclude_cpu = ~0U;
        common::Histogram latency;
    };

    std::size_t open(common::Duration start, std::uint32_t exclude_cpu) {
        m_windows.push_back(Window{start, common::Duration::max(), exclude_cpu, {}});
        m_open.push_back(m_windows.size() - 1);
        return m_windows.size() - 1;
    }
    void close(std::size_t id, common::Duration end) { m_windows[id].end = end; }
    const Window& window(std::size_t id) const { return m_windows[id]; }

    bool watching() const { return !m_open.empty(); }
    // `horizon`: no load issued before it will be reported any more (the
    // simulation kernel's time, which no CPU's later load precedes); windows
    // ending by then are retired.
    void record(std::uint32_t cpu, common::Duration issued, common::Duration latency,
                common::Duration horizon) {
        for (std::size_t i = 0; i < m_open.size();) {
            Window& w = m_windows[m_open[i]];
            if (w.end <= horizon) {
                m_open[i] = m_open.back();
                m_open.pop_back();
                continue;
            }
            if (cpu != w.exclude_cpu && issued >= w.start && issued < w.end) w.latency.record(latency);
            ++i;
        }
    }
    std::size_t open_windows() const { return m_open.size(); }

private:
    std::vector<Window> m_windows;
    std::vector<std::size_t> m_open;  // indices of windows not yet retired
};

}  // namespace invalsim::cpu
