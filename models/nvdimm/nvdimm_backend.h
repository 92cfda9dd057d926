#pragma once

#include "models/common/occupancy.h"
#include "models/mem/backend.h"
#include "models/nvdimm/nvdimm_params.h"

namespace invalsim::nvdimm {

// Persistent memory: asymmetric read/write bandwidth over a media that works
// in whole access units (reads and writes of less still cost a unit).
class NvdimmBackend final : public mem::Backend {
public:
    explicit NvdimmBackend(const NvdimmParams& p) : m_p(p), m_locked(p.locked) {}

    const char* kind() const override { return "nvdimm"; }
    std::uint64_t capacity_bytes() const override { return m_p.size_bytes; }
    std::uint8_t fill_byte() const override { return m_p.fill_byte; }
    bool translate(common::Addr addr, std::uint64_t& dpa) const override {
        dpa = addr;
        return addr < m_p.size_bytes;
    }
    common::Duration access(common::Duration arrival, std::uint64_t dpa, std::uint32_t bytes,
                            bool is_read) override;
    common::Duration idle_read_latency(std::uint32_t bytes) const override;
    common::Duration busy() const override { return m_media.busy_total(); }
    common::Duration queued() const override { return m_media.queued_total(); }

    bool locked() const override { return m_locked; }
    std::uint8_t locked_fill_byte() const override { return m_p.locked_fill_byte; }
    void set_locked(bool l) { m_locked = l; }

private:
    std::uint64_t units_bytes(std::uint64_t dpa, std::uint32_t bytes) const;

    NvdimmParams m_p;
    bool m_locked;
    common::Occupancy m_media;
};

}  // namespace invalsim::nvdimm
