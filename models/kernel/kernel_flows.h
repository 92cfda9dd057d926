#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "models/events/device_control.h"
#include "models/invalidate/port.h"

namespace invalsim::kernel {

// The orderings of the Linux CXL and NVDIMM cores around device changes
// (domain.md section 1), as building blocks a scenario calls on a CPU. Each
// returns the kernel's return code.
class KernelFlows {
public:
    KernelFlows(invalidate::Port& port, events::DeviceControl& devices, bool bypass_for_testing)
        : m_port(port), m_devices(devices), m_bypass(bypass_for_testing) {}

    // Region commit: invalidate the region's range, then commit the decoders
    // (drops lines loaded speculatively before the decoders changed).
    // `dpa_base` commits the range onto other device media. `timing`
    // receives the invalidate call's, when the flow made one.
    int cxl_region_commit(std::uint32_t cpu, const std::string& range, const std::string& where,
                          std::optional<std::uint64_t> dpa_base, invalidate::CallTiming& timing);
    // Region teardown: invalidate, then reset the decoders; a failed
    // invalidate cancels the reset.
    int cxl_region_reset(std::uint32_t cpu, const std::string& range, const std::string& where,
                         invalidate::CallTiming& timing);
    // Sanitize / Secure Erase: refused (-EBUSY) while a decoder of the device
    // is committed, so a region's reset and next commit carry the invalidates.
    int cxl_wipe(const std::string& device, events::Wipe kind);
    // NVDIMM security operations mark the DIMM incoherent; overwrite runs in
    // the background. Overwrite and secure erase are refused (-EBUSY) while
    // a region using the DIMM is active: the region is removed first, which
    // invalidates. Unlock makes locked media readable.
    int nvdimm_overwrite(const std::string& device);
    int nvdimm_secure_erase(const std::string& device);
    int nvdimm_unlock(const std::string& device);
    // Region activation: refused while an overwrite runs; invalidates first
    // when a DIMM of the region is incoherent. Removal invalidates.
    int nvdimm_region_activate(std::uint32_t cpu, const std::string& range, const std::string& where,
                               invalidate::CallTiming& timing);
    int nvdimm_region_remove(std::uint32_t cpu, const std::string& range, const std::string& where,
                             invalidate::CallTiming& timing);

    bool incoherent(const std::string& device) const { return m_incoherent.count(device) != 0; }
    bool in_active_region(const std::string& device) const;

private:
    // The kernel's "synchronize CPU cache state" step: -ENXIO without a
    // mechanism unless the test-only bypass is configured.
    int sync_caches(std::uint32_t cpu, const std::string& range, const std::string& where,
                    invalidate::CallTiming& timing);

    invalidate::Port& m_port;
    events::DeviceControl& m_devices;
    bool m_bypass;
    std::set<std::string> m_incoherent;
    std::set<std::string> m_removed;  // NVDIMM regions removed (every region starts active)
};

}  // namespace invalsim::kernel
