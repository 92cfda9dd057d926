#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/common/types.h"
#include "models/invalidate/ops.h"

namespace invalsim::events {

enum class Wipe : std::uint8_t { CxlSanitize, CxlSecureErase, NvdimmOverwrite, NvdimmSecureErase };
const char* to_string(Wipe w);

// Device-side changes, made inside the devices and never through the host's
// caches. Each takes simulated time in the device; with `wait` the caller's
// thread waits for it to finish, otherwise it runs in the background and
// `signal` (if not empty) is raised when it lands.
class DeviceControl {
public:
    virtual ~DeviceControl() = default;

    virtual void wipe(const std::string& device, Wipe kind, bool wait, const std::string& signal) = 0;
    // Commits or resets the HDM decoders of an address-map range (the caller
    // waits for the devices); a commit may map the range onto other device
    // media (`dpa_base`).
    virtual void set_committed(const std::string& range, bool committed,
                               std::optional<std::uint64_t> dpa_base) = 0;
    // NVDIMM security lock; the caller waits for the command.
    virtual void set_locked(const std::string& device, bool locked) = 0;
    // A device's DMA engine writes host memory without passing the caches,
    // at `gb_per_s` (0: the configured DMA rate).
    virtual void dma_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s,
                           bool wait, const std::string& signal) = 0;
    // Another host (not modelled in detail) writes shared memory at `gb_per_s`.
    virtual void peer_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s,
                            bool wait, const std::string& signal) = 0;

    // What kernel code may ask.
    virtual bool any_committed(const std::string& device) const = 0;
    virtual bool busy(const std::string& device) const = 0;
    virtual std::vector<std::string> devices_of(const std::string& range) const = 0;
    virtual std::vector<std::string> ranges_of(const std::string& device) const = 0;
    virtual invalidate::MemRange span_of(const std::string& range) const = 0;
};

}  // namespace invalsim::events
