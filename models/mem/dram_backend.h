#pragma once

#include "models/mem/backend.h"
#include "models/mem/channel_timing.h"
#include "models/mem/dram_params.h"

namespace invalsim::mem {

// DRAM: the router hands over device offsets; channels interleave.
class DramBackend final : public Backend {
public:
    explicit DramBackend(const DramParams& p)
        : m_p(p), m_timing(p.channels, p.channel_interleave_bytes, p.channel_bandwidth_gbps) {}

    const char* kind() const override { return "dram"; }
    std::uint64_t capacity_bytes() const override { return m_p.size_bytes; }
    std::uint8_t fill_byte() const override { return m_p.fill_byte; }
    bool translate(common::Addr addr, std::uint64_t& dpa) const override {
        dpa = addr;
        return addr < m_p.size_bytes;
    }
    common::Duration access(common::Duration arrival, std::uint64_t dpa, std::uint32_t bytes,
                            bool is_read) override {
        return m_timing.access(arrival, dpa, bytes, is_read ? m_p.read_latency : m_p.write_latency);
    }
    common::Duration idle_read_latency(std::uint32_t bytes) const override {
        return m_p.read_latency + common::transfer_time(bytes, m_p.channel_bandwidth_gbps);
    }
    common::Duration busy() const override { return m_timing.busy_total(); }
    common::Duration queued() const override { return m_timing.queued_total(); }

private:
    DramParams m_p;
    ChannelTiming m_timing;
};

}  // namespace invalsim::mem
