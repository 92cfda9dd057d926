#include "models/cpu/zipf.h"

#include <algorithm>
#include <cmath>

namespace invalsim::cpu {

double Zipf::zeta(std::uint64_t n, double theta) {
    constexpr std::uint64_t kExact = 1'000'000;
    const std::uint64_t m = std::min(n, kExact);
    double sum = 0;
    for (std::uint64_t i = 1; i <= m; ++i) sum += std::pow(static_cast<double>(i), -theta);
    if (n > m) {
        // Integral of x^-theta over [m+0.5, n+0.5]: the midpoint rule's tail.
        const double a = static_cast<double>(m) + 0.5;
        const double b = static_cast<double>(n) + 0.5;
        sum += (std::pow(b, 1 - theta) - std::pow(a, 1 - theta)) / (1 - theta);
    }
    return sum;
}

Zipf::Zipf(std::uint64_t n, double theta)
    : m_n(n),
      m_zetan(zeta(n, theta)),
      m_alpha(1.0 / (1.0 - theta)),
      m_eta((1.0 - std::pow(2.0 / static_cast<double>(n), 1.0 - theta)) /
            (1.0 - zeta(2, theta) / m_zetan)),
      m_half_pow_theta(1.0 + std::pow(0.5, theta)) {}

std::uint64_t Zipf::rank(double u) const {
    const double uz = u * m_zetan;
    if (uz < 1.0) return 0;
    if (uz < m_half_pow_theta || m_n < 3) return std::min<std::uint64_t>(1, m_n - 1);
    const auto r = static_cast<std::uint64_t>(static_cast<double>(m_n) *
                                              std::pow(m_eta * u - m_eta + 1.0, m_alpha));
    return std::min(r, m_n - 1);
}

}  // namespace invalsim::cpu
