#include "models/invalidate/hha_driver.h"

#include "models/home_agent/hha_registers.h"

namespace invalsim::invalidate {

namespace hha = home_agent::hha;

// End rounding saturates at the top of the address space (the whole-cache
// variant asks for everything).
MemRange HhaDriver::align(const MemRange& r, std::uint32_t granule) {
    const common::Addr mask = ~common::Addr{granule - 1};
    const common::Addr start = r.start & mask;
    const common::Addr top = ~0ULL & mask;
    const common::Addr end = r.len > top - r.start ? top : (r.start + r.len + granule - 1) & mask;
    return {start, end - start};
}

bool HhaDriver::wait_idle(MmioBus& bus, InstanceReport& report) const {
    const common::Duration deadline = bus.now() + m_p.timeout;
    while (true) {
        ++report.polls;
        if ((bus.read32(hha::kCtrl) & hha::kCtrlEn) == 0) return true;
        if (bus.now() >= deadline) return false;
        bus.sleep(m_p.poll_interval);
    }
}

int HhaDriver::wbinv(const MemRange& r, MmioBus& bus, InstanceReport& report) const {
    if (r.len == 0) return kEINVAL;
    const MemRange a = align(r, m_p.granule_bytes);
    if (!wait_idle(bus, report)) return kEBUSY;
    const std::uint64_t last = a.len - 1;
    bus.write32(hha::kStartL, static_cast<std::uint32_t>(a.start));
    bus.write32(hha::kStartH, static_cast<std::uint32_t>(a.start >> 32));
    bus.write32(hha::kLenL, static_cast<std::uint32_t>(last));
    bus.write32(hha::kLenH, static_cast<std::uint32_t>(last >> 32));
    bus.write32(hha::kCtrl, hha::kCtrlEn | hha::kCtrlRange | (hha::kTypeCleanInvalidate << hha::kCtrlTypeShift));
    report.bytes_outside += a.len - r.len;
    return kOk;
}

int HhaDriver::done(MmioBus& bus, InstanceReport& report) const {
    return wait_idle(bus, report) ? kOk : kETIMEDOUT;
}

}  // namespace invalsim::invalidate
