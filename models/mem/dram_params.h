#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::mem {

struct DramParams {
    std::uint64_t size_bytes = 1ULL << 30;
    // Idle access latency at the device (controller plus row access), the
    // part of a load-to-use latency that does not depend on the path.
    common::Duration read_latency = common::Duration::ns(50);
    // Writes are posted: the controller accepts them after this long.
    common::Duration write_latency = common::Duration::ns(20);
    double channel_bandwidth_gbps = 25.6;  // DDR4-3200, one 64-bit channel
    std::uint32_t channels = 1;
    std::uint64_t channel_interleave_bytes = 256;
    std::uint8_t fill_byte = 0x00;

    common::Violations validate() const;
};

}  // namespace invalsim::mem
