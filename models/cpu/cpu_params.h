#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::cpu {

struct CpuParams {
    std::uint64_t frequency_hz = 2'000'000'000;
    // Cycles of work between two memory operations of a program.
    std::uint32_t think_cycles = 0;

    // Clock period rounded to whole picoseconds (3 GHz gives 333 ps).
    common::Duration cycle() const { return common::Duration::ps(1'000'000'000'000ULL / frequency_hz); }

    common::Violations validate() const {
        common::Violations v;
        if (frequency_hz < 1'000'000 || frequency_hz > 100'000'000'000ULL) {
            v.push_back({"frequency", "must be between 1 MHz and 100 GHz"});
        }
        return v;
    }
};

}  // namespace invalsim::cpu
