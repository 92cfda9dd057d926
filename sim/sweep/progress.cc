#include "sim/sweep/progress.h"

namespace invalsim::sweep {

namespace {

std::string clock_text(double s) {
    char buf[32];
    const long t = static_cast<long>(s + 0.5);
    if (t >= 3600) {
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
    }
    return buf;
}

}  // namespace

Progress::Progress(std::FILE* out, bool terminal, std::size_t total, std::size_t skipped)
    : m_out(out), m_terminal(terminal), m_total(total), m_skipped(skipped), m_done(skipped),
      m_start(std::chrono::steady_clock::now()), m_drawn(m_start), m_finished(m_start) {}

double Progress::seconds_since(std::chrono::steady_clock::time_point t) const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// From the pace of the points that ran here (not the skipped ones), counting
// down between two finished points.
std::string Progress::eta() const {
    const std::size_t ran = m_done - m_skipped;
    if (m_done == m_total) return "0:00";
    if (ran == 0) return "--:--";
    const double pace = std::chrono::duration<double>(m_finished - m_start).count() / static_cast<double>(ran);
    const double left = pace * static_cast<double>(m_total - m_done) - seconds_since(m_finished);
    return clock_text(left > 0 ? left : 0);
}

void Progress::start() {
    if (m_terminal) {
        draw();
        if (m_done == m_total) std::fputs("\n", m_out);
    } else {
        std::fprintf(m_out, "sweep: %zu points, %zu to run\n", m_total, m_total - m_skipped);
        std::fflush(m_out);
    }
}

void Progress::finished(bool ok) {
    ++m_done;
    if (!ok) ++m_failed;
    m_finished = std::chrono::steady_clock::now();
    if (m_terminal) {
        draw();
        if (m_done == m_total) std::fputs("\n", m_out);
    } else {
        std::fprintf(m_out, "sweep: %zu/%zu points done, %zu failed, elapsed %s, ETA %s\n", m_done, m_total,
                     m_failed, clock_text(seconds_since(m_start)).c_str(), eta().c_str());
    }
    std::fflush(m_out);
}

void Progress::tick() {
    if (m_terminal && m_done < m_total && seconds_since(m_drawn) >= 1.0) draw();
}

void Progress::draw() {
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = m_total ? kWidth * m_done / m_total : kWidth;
    // "\033[K" clears what a longer previous line left.
    std::fprintf(m_out, "\r[%s%s] %zu/%zu points, %zu failed, elapsed %s, ETA %s\033[K",
                 std::string(filled, '#').c_str(), std::string(kWidth - filled, '.').c_str(), m_done, m_total,
                 m_failed, clock_text(seconds_since(m_start)).c_str(), eta().c_str());
    std::fflush(m_out);
    m_drawn = std::chrono::steady_clock::now();
}

}  // namespace invalsim::sweep
