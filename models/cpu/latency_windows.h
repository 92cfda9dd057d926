#pragma once

#include <cstdint>
#include <vector>

#include "models/common/duration.h"
#include "models/common/histogram.h"

namespace invalsim::cpu {

// Load latencies of the CPUs other than one, over a window of simulated time:
// how an invalidate call hurts its co-runners while it runs and afterwards
// (refill misses). Windows are opened and closed by whoever watches; every
// CPU load reports here when any window is open or recent.
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
        return m_windows.size() - 1;
    }
    void close(std::size_t id, common::Duration end) { m_windows[id].end = end; }
    const Window& window(std::size_t id) const { return m_windows[id]; }

    bool watching() const { return !m_windows.empty(); }
    void record(std::uint32_t cpu, common::Duration issued, common::Duration latency) {
        for (Window& w : m_windows) {
            if (cpu != w.exclude_cpu && issued >= w.start && issued < w.end) w.latency.record(latency);
        }
    }

private:
    std::vector<Window> m_windows;
};

}  // namespace invalsim::cpu
