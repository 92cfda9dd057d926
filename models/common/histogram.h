#pragma once

#include <array>
#include <cstdint>

#include "models/common/duration.h"

namespace invalsim::common {

// Log-linear histogram of durations: 16 buckets per power of two, so any
// percentile is within about 3% of the true value, in 8 KiB and O(1) per
// sample. Percentiles report the middle of their bucket; the maximum is exact.
class Histogram {
public:
    static constexpr std::uint32_t kSub = 16;

    void record(Duration d) {
        const std::uint64_t v = d.as_ps();
        ++m_buckets[index(v)];
        ++m_count;
        m_sum += v;
        if (v > m_max) m_max = v;
    }

    std::uint64_t count() const { return m_count; }
    Duration max() const { return Duration::ps(m_max); }
    double mean_ps() const { return m_count ? static_cast<double>(m_sum) / m_count : 0.0; }

    // Value below which a fraction q of the samples lie.
    Duration percentile(double q) const {
        if (m_count == 0) return Duration();
        auto rank = static_cast<std::uint64_t>(q * static_cast<double>(m_count));
        if (rank >= m_count) rank = m_count - 1;
        std::uint64_t seen = 0;
        for (std::uint32_t i = 0; i < m_buckets.size(); ++i) {
            seen += m_buckets[i];
            if (seen > rank) {
                const std::uint64_t mid = (lower(i) + upper(i)) / 2;
                return Duration::ps(mid < m_max ? mid : m_max);
            }
        }
        return max();
    }

    // Calls f(from_ps, to_ps, count) for each non-empty bucket in order; a
    // bucket holds the samples in [from_ps, to_ps).
    template <class F>
    void for_each_bucket(F&& f) const {
        for (std::uint32_t i = 0; i < m_buckets.size(); ++i) {
            if (m_buckets[i] != 0) f(lower(i), upper(i) + 1, m_buckets[i]);
        }
    }

private:
    static std::uint32_t index(std::uint64_t v) {
        if (v < kSub) return static_cast<std::uint32_t>(v);
        const unsigned msb = 63U - static_cast<unsigned>(__builtin_clzll(v));
        const std::uint64_t sub = (v >> (msb - 4)) & (kSub - 1);
        return kSub + (msb - 4) * kSub + static_cast<std::uint32_t>(sub);
    }
    static std::uint64_t lower(std::uint32_t i) {
        if (i < kSub) return i;
        const unsigned msb = (i - kSub) / kSub + 4;
        const std::uint64_t sub = (i - kSub) % kSub;
        return (std::uint64_t{1} << msb) | (sub << (msb - 4));
    }
    static std::uint64_t upper(std::uint32_t i) {
        if (i < kSub) return i;
        const unsigned msb = (i - kSub) / kSub + 4;
        return lower(i) + (std::uint64_t{1} << (msb - 4)) - 1;
    }

    std::array<std::uint64_t, kSub + 60 * kSub> m_buckets{};
    std::uint64_t m_count = 0;
    std::uint64_t m_sum = 0;
    std::uint64_t m_max = 0;
};

}  // namespace invalsim::common
