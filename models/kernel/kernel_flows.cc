#include "models/kernel/kernel_flows.h"

namespace invalsim::kernel {

using invalidate::kEBUSY;
using invalidate::kENXIO;
using invalidate::kOk;

int KernelFlows::sync_caches(std::uint32_t cpu, const std::string& range, const std::string& where,
                             invalidate::CallTiming& timing) {
    if (!m_port.has_invalidate()) return m_bypass ? kOk : kENXIO;
    return m_port.invalidate(cpu, m_devices.span_of(range), false, where, timing);
}

int KernelFlows::cxl_region_commit(std::uint32_t cpu, const std::string& range, const std::string& where,
                                   std::optional<std::uint64_t> dpa_base, invalidate::CallTiming& timing) {
    if (const int rc = sync_caches(cpu, range, where, timing); rc != kOk) return rc;
    m_devices.set_committed(range, true, dpa_base);
    return kOk;
}

int KernelFlows::cxl_region_reset(std::uint32_t cpu, const std::string& range, const std::string& where,
                                  invalidate::CallTiming& timing) {
    if (const int rc = sync_caches(cpu, range, where, timing); rc != kOk) return rc;
    m_devices.set_committed(range, false, std::nullopt);
    return kOk;
}

int KernelFlows::cxl_wipe(const std::string& device, events::Wipe kind) {
    if (m_devices.any_committed(device) || m_devices.busy(device)) return kEBUSY;
    m_devices.wipe(device, kind, true, "");
    return kOk;
}

bool KernelFlows::in_active_region(const std::string& device) const {
    for (const auto& range : m_devices.ranges_of(device)) {
        if (!m_removed.count(range)) return true;
    }
    return false;
}

int KernelFlows::nvdimm_overwrite(const std::string& device) {
    if (m_devices.busy(device) || in_active_region(device)) return kEBUSY;
    m_incoherent.insert(device);
    m_devices.wipe(device, events::Wipe::NvdimmOverwrite, false, "");
    return kOk;
}

int KernelFlows::nvdimm_secure_erase(const std::string& device) {
    if (m_devices.busy(device) || in_active_region(device)) return kEBUSY;
    m_incoherent.insert(device);
    m_devices.wipe(device, events::Wipe::NvdimmSecureErase, true, "");
    return kOk;
}

int KernelFlows::nvdimm_unlock(const std::string& device) {
    m_incoherent.insert(device);
    m_devices.set_locked(device, false);
    return kOk;
}

int KernelFlows::nvdimm_region_activate(std::uint32_t cpu, const std::string& range, const std::string& where,
                                        invalidate::CallTiming& timing) {
    bool needs_sync = false;
    for (const auto& d : m_devices.devices_of(range)) {
        if (m_devices.busy(d)) return kEBUSY;
        needs_sync = needs_sync || incoherent(d);
    }
    if (needs_sync) {
        if (const int rc = sync_caches(cpu, range, where, timing); rc != kOk) return rc;
        for (const auto& d : m_devices.devices_of(range)) m_incoherent.erase(d);
    }
    m_removed.erase(range);
    return kOk;
}

int KernelFlows::nvdimm_region_remove(std::uint32_t cpu, const std::string& range, const std::string& where,
                                      invalidate::CallTiming& timing) {
    if (const int rc = sync_caches(cpu, range, where, timing); rc != kOk) return rc;
    m_removed.insert(range);
    return kOk;
}

}  // namespace invalsim::kernel
