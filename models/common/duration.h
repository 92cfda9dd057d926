#pragma once

#include <cstdint>
#include <limits>

namespace invalsim::common {

// Simulated time in picoseconds. Model cores do their timing arithmetic in
// this type so they can be tested without a SystemC kernel; the SystemC
// shells convert to sc_time in one place (sim_time.h).
class Duration {
public:
    constexpr Duration() = default;
    static constexpr Duration ps(std::uint64_t v) { return Duration(v); }
    static constexpr Duration ns(std::uint64_t v) { return Duration(v * 1000); }
    static constexpr Duration us(std::uint64_t v) { return Duration(v * 1000 * 1000); }
    static constexpr Duration ms(std::uint64_t v) { return Duration(v * 1000 * 1000 * 1000); }
    static constexpr Duration max() { return Duration(std::numeric_limits<std::uint64_t>::max()); }

    constexpr std::uint64_t as_ps() const { return m_ps; }
    constexpr double as_ns() const { return static_cast<double>(m_ps) / 1000.0; }

    constexpr Duration& operator+=(Duration o) {
        m_ps += o.m_ps;
        return *this;
    }
    constexpr Duration& operator-=(Duration o) {
        m_ps -= o.m_ps;
        return *this;
    }
    friend constexpr Duration operator+(Duration a, Duration b) { return Duration(a.m_ps + b.m_ps); }
    friend constexpr Duration operator-(Duration a, Duration b) { return Duration(a.m_ps - b.m_ps); }
    friend constexpr Duration operator*(Duration a, std::uint64_t k) { return Duration(a.m_ps * k); }
    friend constexpr Duration operator*(std::uint64_t k, Duration a) { return Duration(a.m_ps * k); }
    friend constexpr bool operator==(Duration a, Duration b) { return a.m_ps == b.m_ps; }
    friend constexpr bool operator!=(Duration a, Duration b) { return a.m_ps != b.m_ps; }
    friend constexpr bool operator<(Duration a, Duration b) { return a.m_ps < b.m_ps; }
    friend constexpr bool operator<=(Duration a, Duration b) { return a.m_ps <= b.m_ps; }
    friend constexpr bool operator>(Duration a, Duration b) { return a.m_ps > b.m_ps; }
    friend constexpr bool operator>=(Duration a, Duration b) { return a.m_ps >= b.m_ps; }

private:
    constexpr explicit Duration(std::uint64_t v) : m_ps(v) {}
    std::uint64_t m_ps = 0;
};

constexpr Duration max(Duration a, Duration b) { return a < b ? b : a; }

// Time to move `bytes` at `gb_per_s` (10^9 bytes per second), rounded up to
// whole picoseconds so that a transfer is never free.
inline Duration transfer_time(std::uint64_t bytes, double gb_per_s) {
    if (gb_per_s <= 0.0) return Duration();
    const double ps = static_cast<double>(bytes) * 1000.0 / gb_per_s;
    auto whole = static_cast<std::uint64_t>(ps);
    if (static_cast<double>(whole) < ps) ++whole;
    return Duration::ps(whole);
}

}  // namespace invalsim::common
