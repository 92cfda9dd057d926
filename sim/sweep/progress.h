#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace invalsim::sweep {

// Progress of a sweep on a stream (stderr): on a terminal, one bar redrawn
// in place with points done, failures, elapsed time and ETA, from 0/N on
// and every second while points run; elsewhere (a log, a pipe) one plain
// line per finished point.
class Progress {
public:
    Progress(std::FILE* out, bool terminal, std::size_t total, std::size_t skipped);

    void start();
    void finished(bool ok);
    // Redraws the bar when a second has passed since the last drawing.
    void tick();

private:
    double seconds_since(std::chrono::steady_clock::time_point t) const;
    std::string eta() const;
    void draw();

    std::FILE* m_out;
    bool m_terminal;
    std::size_t m_total, m_skipped, m_done, m_failed = 0;
    std::chrono::steady_clock::time_point m_start, m_drawn, m_finished;
};

}  // namespace invalsim::sweep
