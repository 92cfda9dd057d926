#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

// How the driver reaches its device's registers, and the clock it sleeps on.
class MmioBus {
public:
    virtual ~MmioBus() = default;
    virtual std::uint32_t read32(std::uint32_t offset) = 0;
    virtual void write32(std::uint32_t offset, std::uint32_t value) = 0;
    virtual void sleep(common::Duration d) = 0;
    virtual common::Duration now() const = 0;
};

struct HhaDriverParams {
    std::uint32_t granule_bytes = 128;
    common::Duration poll_interval = common::Duration::us(10);
    common::Duration timeout = common::Duration::ms(50);
};

// The logic of Linux's drivers/cache/hisi_soc_hha.c as domain.md describes
// it: wbinv rejects an empty range, aligns start down and end up to the
// granule, waits for a previous operation by polling CTRL.EN (-EBUSY when
// it never clears), then programs START/LEN and sets CTRL; done polls the
// same way (-ETIMEDOUT). Polls are poll_interval apart, up to timeout.
class HhaDriver {
public:
    explicit HhaDriver(const HhaDriverParams& p) : m_p(p) {}

    static MemRange align(const MemRange& r, std::uint32_t granule);

    int wbinv(const MemRange& r, MmioBus& bus, InstanceReport& report) const;
    int done(MmioBus& bus, InstanceReport& report) const;

private:
    bool wait_idle(MmioBus& bus, InstanceReport& report) const;
    HhaDriverParams m_p;
};

}  // namespace invalsim::invalidate
