#include "models/mem/channel_timing.h"

namespace invalsim::mem {

using common::Duration;

ChannelTiming::ChannelTiming(std::uint32_t channels, std::uint64_t interleave_bytes,
                             double bandwidth_gbps)
    : m_channels(channels), m_interleave_bytes(interleave_bytes), m_rate(bandwidth_gbps) {}

Duration ChannelTiming::access(Duration arrival, std::uint64_t offset, std::uint32_t bytes,
                               Duration latency) {
    const Duration transfer = m_rate.transfer(bytes);
    const Duration start = m_channels[channel_of(offset)].reserve(arrival, transfer);
    return (start - arrival) + latency + transfer;
}

Duration ChannelTiming::busy_total() const {
    Duration t;
    for (const auto& c : m_channels) t += c.busy_total();
    return t;
}

Duration ChannelTiming::queued_total() const {
    Duration t;
    for (const auto& c : m_channels) t += c.queued_total();
    return t;
}

}  // namespace invalsim::mem
