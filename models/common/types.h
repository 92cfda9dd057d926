#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace invalsim::common {

// A physical address (system or device). Sizes are plain byte counts; the
// names of variables and fields say which is which (`_bytes`, `addr`).
using Addr = std::uint64_t;

inline bool is_power_of_two(std::uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }

inline unsigned log2_exact(std::uint64_t v) {
    unsigned n = 0;
    while (v > 1) {
        v >>= 1;
        ++n;
    }
    return n;
}

inline Addr align_down(Addr a, std::uint64_t granule) { return a & ~(granule - 1); }

// a * b mod m without overflow.
inline std::uint64_t mul_mod(std::uint64_t a, std::uint64_t b, std::uint64_t m) {
    __extension__ typedef unsigned __int128 u128;
    return static_cast<std::uint64_t>((static_cast<u128>(a) * b) % m);
}

// A parameter rule that a params struct's validate() found broken. `field`
// is the parameter's public name (the same as its config key) so the
// config layer can turn it into a JSON path without models knowing JSON.
struct Violation {
    std::string field;
    std::string message;
};
using Violations = std::vector<Violation>;

}  // namespace invalsim::common
