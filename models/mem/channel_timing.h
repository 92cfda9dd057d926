#pragma once

#include <cstdint>
#include <vector>

#include "models/common/duration.h"
#include "models/common/link_rate.h"
#include "models/common/occupancy.h"

namespace invalsim::mem {

// Timing of a memory with independent channels: an access waits for its
// channel, then takes the fixed latency plus its transfer time at the
// channel's bandwidth. Channels are selected by interleaving the offset.
class ChannelTiming {
public:
    ChannelTiming(std::uint32_t channels, std::uint64_t interleave_bytes, double bandwidth_gbps);

    // Time from `arrival` until the access completes.
    common::Duration access(common::Duration arrival, std::uint64_t offset, std::uint32_t bytes,
                            common::Duration latency);

    std::uint32_t channel_of(std::uint64_t offset) const {
        return static_cast<std::uint32_t>((offset / m_interleave_bytes) % m_channels.size());
    }
    common::Duration busy_total() const;
    common::Duration queued_total() const;

private:
    std::vector<common::Occupancy> m_channels;
    std::uint64_t m_interleave_bytes;
    common::LinkRate m_rate;
};

}  // namespace invalsim::mem
