#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::mem {

// What differs between memory devices: how an incoming address becomes a
// device address, and how long an access takes. The MemoryDevice shell does
// the rest (backing store, statistics, TLM).
class Backend {
public:
    virtual ~Backend() = default;
    virtual const char* kind() const = 0;
    virtual std::uint64_t capacity_bytes() const = 0;
    virtual std::uint8_t fill_byte() const = 0;
    // Device address of `addr` as it arrives from the interconnect; false
    // when nothing is decoded there (a CXL range without a committed decoder).
    virtual bool translate(common::Addr addr, std::uint64_t& dpa) const = 0;
    // Time from `arrival` until the access completes at the device port.
    virtual common::Duration access(common::Duration arrival, std::uint64_t dpa,
                                    std::uint32_t bytes, bool is_read) = 0;
    // Idle latency of a read of `bytes`, for `invalsim check`.
    virtual common::Duration idle_read_latency(std::uint32_t bytes) const = 0;
    // A locked device (NVDIMM security) reads as `locked_fill_byte()` and
    // ignores writes.
    virtual bool locked() const { return false; }
    virtual std::uint8_t locked_fill_byte() const { return 0xff; }
    virtual common::Duration busy() const = 0;
    virtual common::Duration queued() const = 0;
};

}  // namespace invalsim::mem
