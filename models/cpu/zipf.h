#pragma once

#include <cstdint>

namespace invalsim::cpu {

// Zipf-distributed ranks in [0, n) with skew theta in (0, 1): rank 0 is the
// most popular. The rejection-free method of Gray et al. (SIGMOD 1994, as in
// YCSB): O(1) per sample after computing the normalising zeta(n) once (exactly
// for the first million terms, by the integral of x^-theta beyond).
class Zipf {
public:
    Zipf(std::uint64_t n, double theta);
    // `u` uniform in [0, 1).
    std::uint64_t rank(double u) const;

    static double zeta(std::uint64_t n, double theta);

private:
    std::uint64_t m_n;
    double m_zetan;
    double m_alpha;
    double m_eta;
    double m_half_pow_theta;
};

}  // namespace invalsim::cpu
