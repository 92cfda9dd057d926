#pragma once

#include <vector>

#include "models/common/occupancy.h"
#include "models/cxl/cxl_params.h"
#include "models/cxl/hdm_decoder.h"
#include "models/mem/backend.h"
#include "models/mem/channel_timing.h"

namespace invalsim::cxl {

// A CXL Type-3 device as the host sees it: root port, link (a queue each
// direction, 68-byte flits), device controller, then DRAM media. Receives
// host physical addresses and decodes them with its HDM decoders.
class CxlBackend final : public mem::Backend {
public:
    explicit CxlBackend(const CxlParams& p);

    void add_decoder(const HdmDecoder& d) { m_decoders.push_back(d); }
    std::vector<HdmDecoder>& decoders() { return m_decoders; }
    const std::vector<HdmDecoder>& decoders() const { return m_decoders; }

    const char* kind() const override { return "cxl_type3"; }
    std::uint64_t capacity_bytes() const override { return m_p.size_bytes; }
    std::uint8_t fill_byte() const override { return m_p.fill_byte; }
    bool translate(common::Addr hpa, std::uint64_t& dpa) const override;
    common::Duration access(common::Duration arrival, std::uint64_t dpa, std::uint32_t bytes,
                            bool is_read) override;
    common::Duration idle_read_latency(std::uint32_t bytes) const override;
    common::Duration busy() const override;
    common::Duration queued() const override;

private:
    CxlParams m_p;
    std::vector<HdmDecoder> m_decoders;
    common::Occupancy m_down;  // host to device
    common::Occupancy m_up;    // device to host
    mem::ChannelTiming m_media;
};

}  // namespace invalsim::cxl
