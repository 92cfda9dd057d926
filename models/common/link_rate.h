#pragma once

#include <cstdint>

#include "models/common/duration.h"

namespace invalsim::common {

// A link's serialisation time per message size. transfer_time() divides in
// floating point; a resource on the access path sees a handful of sizes
// (a header, a header and a line), so the last result for an empty and for
// a non-empty payload is kept and the division runs once per size.
class LinkRate {
public:
    explicit LinkRate(double gb_per_s, std::uint64_t overhead_bytes = 0)
        : m_gb_per_s(gb_per_s), m_overhead_bytes(overhead_bytes) {}

    // Time to carry `payload_bytes` plus the fixed overhead.
    Duration transfer(std::uint64_t payload_bytes) {
        Memo& m = m_memo[payload_bytes != 0];
        if (m.bytes != payload_bytes) {
            m.bytes = payload_bytes;
            m.time = transfer_time(m_overhead_bytes + payload_bytes, m_gb_per_s);
        }
        return m.time;
    }

private:
    struct Memo {
        std::uint64_t bytes = ~std::uint64_t{0};
        Duration time;
    };
    double m_gb_per_s;
    std::uint64_t m_overhead_bytes;
    Memo m_memo[2];
};

}  // namespace invalsim::common
